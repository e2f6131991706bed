/**
 * The sandbox's other engines (lib/sandbox/engines.ts), each a server of its own beside the Valkey
 * pair in every profile that runs the app: Redis OSS (`redis-server` with the sandbox's Valkey
 * settings and hardening, so learners' ACL users work on it exactly as on the Valkey sandbox) and
 * Memcached. Neither is essential: without its binary, or when it fails to start, the app runs
 * with Valkey only and that engine answers "unavailable".
 */
import path from 'node:path';
import { parseEnv, type EnvSource } from '../config/env';
import { SERVER_SETTINGS, serverTitle, startInstance, type InstanceSpec, type RunningServer } from './local-server';
import { newMemcachedPassword, startMemcached, type MemcachedSpec } from './memcached-server';
import { portsOf } from './ports';
import { superviseServer, type SupervisorOptions } from './supervisor';

export type EngineServerName = 'redis' | 'memcached';
export const ENGINE_SERVER_NAMES: readonly EngineServerName[] = ['redis', 'memcached'];

/** The variables that point the app at each engine's server (lib/config/env.ts). */
export const ENGINE_URL_ENV = {
  redis: 'KEYSPACE_REDIS_URL',
  memcached: 'KEYSPACE_MEMCACHED_URL',
} as const satisfies Record<EngineServerName, string>;

/** The binaries found for the engines (lib/servers/server-binary.ts); null where there is none. */
export type EngineBinaries = Record<EngineServerName, string | null>;

/** Profiles with engine ports in lib/servers/ports.ts (server-test: engine-servers.test.ts). */
export type EngineProfile = 'local' | 'test' | 'e2e' | 'start-test' | 'bench' | 'content' | 'server-test';

export const ENGINE_TITLES: Record<EngineServerName, string> = {
  redis: 'Redis OSS server',
  memcached: 'Memcached server',
};

/** What the program is called where a message says it is missing. */
export const ENGINE_PROGRAMS: Record<EngineServerName, 'redis-server' | 'memcached'> = {
  redis: 'redis-server',
  memcached: 'memcached',
};

export function engineSpecs(
  profile: EngineProfile,
  profileDir: string,
  env: EnvSource = process.env,
): { redis: InstanceSpec; memcached: MemcachedSpec } {
  const ports = portsOf(profile, env);
  return {
    redis: {
      name: 'redis',
      title: ENGINE_TITLES.redis,
      flavor: 'redis',
      port: ports.redis,
      dir: path.join(profileDir, 'redis'),
      settings: SERVER_SETTINGS.sandbox,
    },
    memcached: { title: ENGINE_TITLES.memcached, port: ports.memcached, dir: path.join(profileDir, 'memcached') },
  };
}

/** The engines whose URL the environment does not already give; only those need a local server. */
export function enginesToStart(env: EnvSource = process.env): EngineServerName[] {
  const parsed = parseEnv(env);
  return ENGINE_SERVER_NAMES.filter((name) => !parsed[ENGINE_URL_ENV[name]]);
}

/** Starts one engine's server; supervised (restarted when it dies) when `supervise` is given. */
export async function startEngineServer(
  name: EngineServerName,
  specs: { redis: InstanceSpec; memcached: MemcachedSpec },
  binary: string,
  supervise?: SupervisorOptions,
): Promise<RunningServer & { stopRestarting?: () => void }> {
  if (name === 'redis') {
    const spec = specs.redis;
    const start = () => startInstance(spec, binary);
    return supervise ? superviseServer(start, serverTitle(spec), supervise) : start();
  }
  const spec = specs.memcached;
  // One password for this run: a supervised restart keeps the URL the app already has.
  const password = newMemcachedPassword();
  const start = () => startMemcached(spec, binary, password);
  return supervise ? superviseServer(start, `the ${ENGINE_TITLES.memcached}`, supervise) : start();
}
