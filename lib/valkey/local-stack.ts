/**
 * The pair of local Valkey servers a run needs (sandbox + app data), named by profile so that
 * `npm start`, unit tests and end-to-end tests each get their own ports and data folder.
 */
import path from 'node:path';
import { startInstance, type RunningInstance } from './local-server';
import { URL_ENV, type InstanceRole } from './roles';

export { URL_ENV };
import { claimProfile } from './profile-lock';

export type StackProfile = 'local' | 'test' | 'e2e' | 'start-test' | 'bench' | 'content';

const DEFAULT_PORTS: Record<StackProfile, Record<InstanceRole, number>> = {
  local: { sandbox: 7401, app: 7402 },
  test: { sandbox: 7411, app: 7412 },
  e2e: { sandbox: 7421, app: 7422 },
  'start-test': { sandbox: 7431, app: 7432 },
  bench: { sandbox: 7441, app: 7442 },
  content: { sandbox: 7461, app: 7462 },
};

export function dataRoot(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(projectRoot, env.KEYSPACE_DATA_DIR ?? '.data');
}

export function profilePort(profile: StackProfile, role: InstanceRole, env: NodeJS.ProcessEnv = process.env): number {
  const override = profile === 'local' ? env[`KEYSPACE_${role.toUpperCase()}_PORT`] : undefined;
  if (override === undefined) return DEFAULT_PORTS[profile][role] + portOffset(env);
  const port = Number(override);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`KEYSPACE_${role.toUpperCase()}_PORT must be a port number, got "${override}".`);
  }
  return port;
}

/**
 * KEYSPACE_PORT_OFFSET shifts every profile's default ports, so that two checkouts (or two
 * developers on one machine) can run their test suites side by side.
 */
export function portOffset(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.KEYSPACE_PORT_OFFSET;
  if (raw === undefined || raw === '') return 0;
  const offset = Number(raw);
  if (!Number.isInteger(offset) || offset < 0 || offset > 1000) throw new Error(`KEYSPACE_PORT_OFFSET must be an integer from 0 to 1000, got "${raw}".`);
  return offset;
}

/** A profile's folder under the data dir; a port offset gets its own, so side-by-side runs never share one. */
export function profileFolder(profile: StackProfile, env: NodeJS.ProcessEnv = process.env): string {
  const offset = portOffset(env);
  return offset === 0 ? profile : `${profile}+${offset}`;
}

export interface LocalStack {
  /** Connection URLs for both roles: local ones started here, or external ones from the env. */
  urls: Record<InstanceRole, string>;
  started: RunningInstance[];
  stop(): Promise<void>;
}

export interface StackOptions {
  projectRoot: string;
  profile: StackProfile;
  valkeyServer: string | null;
  env?: NodeJS.ProcessEnv;
  onStep?: (message: string) => void;
  /** The app's HTTP port, so that a second run can say where the first one is. */
  appPort?: number;
}

/** Roles whose URL the environment does not already give; only those need a local server. */
export function rolesToStart(env: NodeJS.ProcessEnv): InstanceRole[] {
  return (['sandbox', 'app'] as const).filter((role) => !env[URL_ENV[role]]);
}

export async function startLocalStack(options: StackOptions): Promise<LocalStack> {
  const env = options.env ?? process.env;
  const started: RunningInstance[] = [];
  const urls: Partial<Record<InstanceRole, string>> = {};
  const profileDir = path.join(dataRoot(options.projectRoot, env), profileFolder(options.profile, env));
  const release = claimProfile(profileDir, options.appPort);
  const stop = async () => {
    await Promise.all(started.map((instance) => instance.stop()));
    release();
  };
  try {
    for (const role of ['sandbox', 'app'] as const) {
      const external = env[URL_ENV[role]];
      if (external) {
        urls[role] = external;
        continue;
      }
      if (!options.valkeyServer) throw new Error('valkey-server is needed but was not found.');
      const port = profilePort(options.profile, role, env);
      options.onStep?.(`Starting the ${role} Valkey on 127.0.0.1:${port}`);
      const dir = path.join(profileDir, role);
      const instance = await startInstance({ role, port, dir }, options.valkeyServer);
      started.push(instance);
      urls[role] = instance.url;
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls: urls as Record<InstanceRole, string>, started, stop };
}
