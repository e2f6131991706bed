/**
 * The local Valkey servers a run needs, named by profile so that `npm start`, unit tests and
 * end-to-end tests each get their own ports and data folder. A stack is a list of servers: the
 * app's own pair (sandbox + app data) by default, or whatever list a lab passes in; each gets its
 * own folder, pidfile and password under the profile's folder.
 */
import path from 'node:path';
import { parseEnv } from '../config/env';
import { URL_ENV, type InstanceRole } from '../valkey/roles';
import {
  ENGINE_PROGRAMS,
  ENGINE_SERVER_NAMES,
  ENGINE_TITLES,
  ENGINE_URL_ENV,
  engineSpecs,
  startEngineServer,
  type EngineBinaries,
  type EngineProfile,
  type EngineServerName,
} from './engine-servers';
import { roleInstance, startInstance, type InstanceSpec, type RunningServer } from './local-server';
import { portOffset, portsOf, type PortProfile } from './ports';
import { claimProfile } from './profile-lock';
import { startSupervised, type SupervisedServer, type SupervisorOptions } from './supervisor';

export { URL_ENV, ENGINE_URL_ENV };
export type { EngineServerName };

/** Profiles that run the app's own pair of servers. */
export type StackProfile = 'local' | 'test' | 'e2e' | 'start-test' | 'bench' | 'content';

/** One server of a stack: an instance without its folder (the stack puts it in the profile's). */
export interface StackServer<Name extends string = string> extends Omit<InstanceSpec, 'dir' | 'name'> {
  name: Name;
  /** A variable that, when set, points at an external server instead of starting this one. */
  urlVariable?: string;
}

export function dataRoot(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(projectRoot, parseEnv(env).KEYSPACE_DATA_DIR);
}

/** A role's port in a profile: from the port table, or (local profile only) KEYSPACE_<ROLE>_PORT. */
export function profilePort(profile: StackProfile, role: InstanceRole, env: NodeJS.ProcessEnv = process.env): number {
  const override =
    profile === 'local' ? parseEnv(env)[role === 'sandbox' ? 'KEYSPACE_SANDBOX_PORT' : 'KEYSPACE_APP_PORT'] : undefined;
  return override ?? portsOf(profile, env)[role];
}

export { portOffset };

/** A profile's folder under the data dir; a port offset gets its own, so side-by-side runs never share one. */
export function profileFolder(profile: PortProfile | string, env: NodeJS.ProcessEnv = process.env): string {
  const offset = portOffset(env);
  return offset === 0 ? profile : `${profile}+${offset}`;
}

/** The app's own pair of servers for a profile. */
export function appServers(profile: StackProfile, env: NodeJS.ProcessEnv = process.env): StackServer<InstanceRole>[] {
  return (['sandbox', 'app'] as const).map((role) => {
    const { port, settings, portVariable } = roleInstance(role, profilePort(profile, role, env), '');
    return { name: role, port, settings, portVariable, urlVariable: URL_ENV[role] };
  });
}

export interface LocalStack<Name extends string = InstanceRole> {
  /** Connection URLs by server name: local ones started here, or external ones from the env. */
  urls: Record<Name, string>;
  /**
   * The sandbox's other engines (with `engines` in the options): each one's URL, local or external,
   * or absent when that engine is unavailable.
   */
  engineUrls: Partial<Record<EngineServerName, string>>;
  /** Why each unavailable engine is (its binary is missing, its server did not start). */
  unavailableEngines: Partial<Record<EngineServerName, string>>;
  started: RunningServer[];
  /** Supervised servers are no longer restarted when they end (the first step of a shutdown). */
  stopRestarting(): void;
  stop(): Promise<void>;
}

export interface StackOptions<Name extends string = InstanceRole> {
  projectRoot: string;
  /** Names the data folder; with the default servers, also chooses their ports. */
  profile: StackProfile | (string & {});
  /** The servers to run; the app's own pair for `profile` when left out. */
  servers?: StackServer<Name>[];
  valkeyServer: string | null;
  /**
   * Also run the sandbox's Redis OSS and Memcached servers (engine-servers.ts) with these binaries,
   * on the profile's ports, beside the Valkey servers; an engine whose URL the env sets is left to it.
   */
  engines?: EngineBinaries;
  /** An engine that cannot run fails the stack (tests), instead of being reported unavailable (npm start). */
  requireEngines?: boolean;
  env?: NodeJS.ProcessEnv;
  onStep?: (message: string) => void;
  /** The app's HTTP port, so that a second run can say where the first one is. */
  appPort?: number;
  /** Restart a server that dies (npm start); left out, a dead server stays dead (tests). */
  supervise?: SupervisorOptions;
}

/** Roles whose URL the environment does not already give; only those need a local server. */
export function rolesToStart(env: NodeJS.ProcessEnv): InstanceRole[] {
  const parsed = parseEnv(env);
  return (['sandbox', 'app'] as const).filter((role) => !parsed[URL_ENV[role]]);
}

type Started =
  | { kind: 'valkey'; name: string; server: RunningServer }
  | { kind: 'engine'; name: EngineServerName; server: RunningServer };

/**
 * Starts every server of the stack at once (they share nothing but the profile folder's lock): a
 * Valkey server that fails stops them all; an engine that fails is unavailable unless `requireEngines`.
 */
export async function startLocalStack<Name extends string = InstanceRole>(
  options: StackOptions<Name>,
): Promise<LocalStack<Name>> {
  const env = options.env ?? process.env;
  const servers =
    options.servers ??
    (appServers(options.profile as StackProfile, env) as StackServer<string>[] as StackServer<Name>[]);
  const started: RunningServer[] = [];
  const urls: Partial<Record<Name, string>> = {};
  const engineUrls: Partial<Record<EngineServerName, string>> = {};
  const unavailableEngines: Partial<Record<EngineServerName, string>> = {};
  const profileDir = path.join(dataRoot(options.projectRoot, env), profileFolder(options.profile, env));
  const release = claimProfile(profileDir, options.appPort);
  const stop = async () => {
    await Promise.all(started.map((instance) => instance.stop()));
    release();
  };

  const starts: Promise<Started>[] = [];
  for (const server of servers) {
    const external = server.urlVariable ? env[server.urlVariable] : undefined;
    if (external) {
      urls[server.name] = external;
      continue;
    }
    const { name, port, settings, portVariable } = server;
    const spec = { name, port, settings, portVariable, dir: path.join(profileDir, name) };
    const valkeyServer = options.valkeyServer;
    if (!valkeyServer) {
      starts.push(Promise.reject(new Error('valkey-server is needed but was not found.')));
      continue;
    }
    options.onStep?.(`Starting the ${server.name} Valkey on 127.0.0.1:${server.port}`);
    starts.push(
      (options.supervise
        ? startSupervised(spec, valkeyServer, options.supervise)
        : startInstance(spec, valkeyServer)
      ).then((instance) => ({ kind: 'valkey', name, server: instance })),
    );
  }
  if (options.engines) {
    const specs = engineSpecs(options.profile as EngineProfile, profileDir, env);
    for (const name of ENGINE_SERVER_NAMES) {
      const external = parseEnv(env)[ENGINE_URL_ENV[name]];
      if (external) {
        engineUrls[name] = external;
        continue;
      }
      const binary = options.engines[name];
      if (!binary) {
        const reason = `${ENGINE_PROGRAMS[name]} was not found`;
        if (options.requireEngines) starts.push(Promise.reject(new Error(`${reason}.`)));
        else unavailableEngines[name] = reason;
        continue;
      }
      options.onStep?.(`Starting the ${ENGINE_TITLES[name]} on 127.0.0.1:${specs[name].port}`);
      const starting = startEngineServer(name, specs, binary, options.supervise).then((server): Started => ({
        kind: 'engine',
        name,
        server,
      }));
      starts.push(
        options.requireEngines
          ? starting
          : starting.catch((error: unknown) => {
              unavailableEngines[name] = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
              return Promise.reject(new EngineUnavailable());
            }),
      );
    }
  }

  const results = await Promise.allSettled(starts);
  let failure: unknown = null;
  for (const result of results) {
    if (result.status === 'rejected') {
      if (!(result.reason instanceof EngineUnavailable)) failure ??= result.reason;
      continue;
    }
    const { kind, name, server } = result.value;
    started.push(server);
    if (kind === 'engine') engineUrls[name] = server.url;
    else urls[name as Name] = server.url;
  }
  if (failure) {
    await stop();
    throw failure;
  }
  const stopRestarting = () => {
    for (const instance of started) if ('stopRestarting' in instance) (instance as SupervisedServer).stopRestarting();
  };
  return { urls: urls as Record<Name, string>, engineUrls, unavailableEngines, started, stopRestarting, stop };
}

/** An engine's server that did not start, already recorded in `unavailableEngines`. */
class EngineUnavailable extends Error {}
