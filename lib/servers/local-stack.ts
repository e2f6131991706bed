/**
 * The local Valkey servers a run needs, named by profile so that `npm start`, unit tests and
 * end-to-end tests each get their own ports and data folder. A stack is a list of servers: the
 * app's own pair (sandbox + app data) by default, or whatever list a lab passes in; each gets its
 * own folder, pidfile and password under the profile's folder.
 */
import path from 'node:path';
import { parseEnv } from '../config/env';
import { URL_ENV, type InstanceRole } from '../valkey/roles';
import { roleInstance, startInstance, type InstanceSpec, type RunningInstance } from './local-server';
import { portOffset, portsOf, type PortProfile } from './ports';
import { claimProfile } from './profile-lock';
import { startSupervised, type SupervisedInstance, type SupervisorOptions } from './supervisor';

export { URL_ENV };

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
  started: RunningInstance[];
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

export async function startLocalStack<Name extends string = InstanceRole>(
  options: StackOptions<Name>,
): Promise<LocalStack<Name>> {
  const env = options.env ?? process.env;
  const servers =
    options.servers ??
    (appServers(options.profile as StackProfile, env) as StackServer<string>[] as StackServer<Name>[]);
  const started: RunningInstance[] = [];
  const urls: Partial<Record<Name, string>> = {};
  const profileDir = path.join(dataRoot(options.projectRoot, env), profileFolder(options.profile, env));
  const release = claimProfile(profileDir, options.appPort);
  const stop = async () => {
    await Promise.all(started.map((instance) => instance.stop()));
    release();
  };
  try {
    for (const server of servers) {
      const external = server.urlVariable ? env[server.urlVariable] : undefined;
      if (external) {
        urls[server.name] = external;
        continue;
      }
      if (!options.valkeyServer) throw new Error('valkey-server is needed but was not found.');
      options.onStep?.(`Starting the ${server.name} Valkey on 127.0.0.1:${server.port}`);
      const { name, port, settings, portVariable } = server;
      const spec = { name, port, settings, portVariable, dir: path.join(profileDir, name) };
      const instance = options.supervise
        ? await startSupervised(spec, options.valkeyServer, options.supervise)
        : await startInstance(spec, options.valkeyServer);
      started.push(instance);
      urls[server.name] = instance.url;
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const stopRestarting = () => {
    for (const instance of started) if ('stopRestarting' in instance) (instance as SupervisedInstance).stopRestarting();
  };
  return { urls: urls as Record<Name, string>, started, stopRestarting, stop };
}
