/**
 * Locating the server binaries Keyspace runs, new enough, on this machine: valkey-server (≥ 8, the
 * sandbox and the app's data), redis-server (≥ 7, the sandbox's Redis OSS engine) and memcached
 * (≥ 1.6, the sandbox's Memcached engine). Each can be pointed at with its own variable.
 */
import { spawnSync } from 'node:child_process';
import { parseEnv, type EnvSource } from '../config/env';
import { parseServerVersion } from './local-server';

export const MINIMUM_SERVER_MAJOR = 8;

export interface ServerBinary {
  path: string;
  version: string;
}

/** Kept for the callers that only ever look for Valkey. */
export type ValkeyServerBinary = ServerBinary;

export type ServerProgram = 'valkey-server' | 'redis-server' | 'memcached';

interface ProgramSpec {
  /** The env variable (lib/config/env.ts) that names the binary instead of the usual places. */
  variable: 'KEYSPACE_VALKEY_SERVER' | 'KEYSPACE_REDIS_SERVER' | 'KEYSPACE_MEMCACHED_SERVER';
  versionFlag: string;
  /** The oldest version that works, as [major, minor]. */
  minimum: readonly [number, number];
  parseVersion(output: string): string | null;
}

export const SERVER_PROGRAMS: Record<ServerProgram, ProgramSpec> = {
  'valkey-server': {
    variable: 'KEYSPACE_VALKEY_SERVER',
    versionFlag: '--version',
    minimum: [MINIMUM_SERVER_MAJOR, 0],
    parseVersion: parseServerVersion,
  },
  // 7.0 brings ACL selectors, CLIENT NO-EVICT, COMMAND DOCS and maxmemory-clients, all of which the sandbox uses.
  'redis-server': {
    variable: 'KEYSPACE_REDIS_SERVER',
    versionFlag: '--version',
    minimum: [7, 0],
    parseVersion: parseServerVersion,
  },
  // 1.6 brings ASCII authentication (-Y) and the meta commands (mg) the key browser reads TTLs with.
  memcached: {
    variable: 'KEYSPACE_MEMCACHED_SERVER',
    versionFlag: '-V',
    minimum: [1, 6],
    parseVersion: (output) => /^memcached (\d+\.\d+\.\d+)/m.exec(output)?.[1] ?? null,
  },
};

/** "7.0" for redis-server: what installers and messages ask for. */
export function minimumVersion(program: ServerProgram): string {
  return SERVER_PROGRAMS[program].minimum.join('.');
}

function candidates(program: ServerProgram): string[] {
  return [program, `/usr/bin/${program}`, `/opt/homebrew/bin/${program}`, `/usr/local/bin/${program}`];
}

function probe(program: ServerProgram, binary: string): ServerBinary | null {
  const spec = SERVER_PROGRAMS[program];
  const result = spawnSync(binary, [spec.versionFlag], { encoding: 'utf8', timeout: 5_000 });
  if (result.status !== 0) return null;
  const version = spec.parseVersion(result.stdout);
  return version ? { path: binary, version } : null;
}

function isNewEnough(program: ServerProgram, version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const [minMajor, minMinor] = SERVER_PROGRAMS[program].minimum;
  return major > minMajor || (major === minMajor && minor >= minMinor);
}

/** The program's variable if set, else the first new-enough binary on PATH or in the usual places. */
export function findServerBinary(program: ServerProgram, env: EnvSource = process.env): ServerBinary | null {
  const configured = parseEnv(env)[SERVER_PROGRAMS[program].variable];
  for (const candidate of configured ? [configured] : candidates(program)) {
    const found = probe(program, candidate);
    if (found && isNewEnough(program, found.version)) return found;
  }
  return null;
}

/** KEYSPACE_VALKEY_SERVER if set, else the first valkey-server ≥ 8 on PATH or in the usual places. */
export function findValkeyServer(env: EnvSource = process.env): ServerBinary | null {
  return findServerBinary('valkey-server', env);
}

/** KEYSPACE_REDIS_SERVER if set, else the first redis-server ≥ 7 on PATH or in the usual places. */
export function findRedisServer(env: EnvSource = process.env): ServerBinary | null {
  return findServerBinary('redis-server', env);
}

/** KEYSPACE_MEMCACHED_SERVER if set, else the first memcached ≥ 1.6 on PATH or in the usual places. */
export function findMemcached(env: EnvSource = process.env): ServerBinary | null {
  return findServerBinary('memcached', env);
}
