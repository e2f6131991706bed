/**
 * Local Valkey servers that the project starts for itself: config, start, readiness and stop.
 *
 * Used by the start/test scripts and by the test setup, never by the running app (the app only
 * sees connection URLs). Each instance lives in its own folder under the git-ignored data dir,
 * with a generated password and the `default` user disabled.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';

import type { InstanceRole } from '../valkey/roles';
import { isProcessAlive } from './profile-lock';

export type { InstanceRole };

/** What a server is for: the settings that differ by job; everything else is shared hardening. */
export interface ServerSettings {
  /** valkey.conf lines for this server's job: persistence, memory, limits. */
  config: readonly string[];
  /**
   * How the `default` user is shut: `off` outright, or (where Valkey itself needs it, see
   * SERVER_SETTINGS.app) on with every permission behind a password generated at each start and
   * never stored.
   */
  defaultUser: 'off' | 'unknown-password';
}

export interface InstanceSpec {
  /** The server's name in its stack and in messages ("the sandbox Valkey"). */
  name: string;
  port: number;
  /** Absolute folder for this instance's config, password, pid, log and data. */
  dir: string;
  settings: ServerSettings;
  /** The variable that moves this server to another port, named when its port is taken. */
  portVariable?: string;
}

export interface RunningInstance {
  spec: InstanceSpec;
  url: string;
  pid: number;
  /** Settles when the process ends, however it ends, with how it ended ("signal SIGKILL", "code 1"). */
  exited: Promise<string>;
  stop(): Promise<void>;
}

export const ADMIN_USER = 'keyspace';

/** The two servers the app itself runs on. A lab may define its own settings the same way. */
export const SERVER_SETTINGS: Record<InstanceRole, ServerSettings> = {
  // Learners' keys are disposable: no persistence, a hard memory cap, eviction across learners,
  // and the limits from docs/reference/sandbox-security.md §3 that Valkey enforces itself.
  sandbox: {
    config: [
      'save ""',
      'appendonly no',
      'maxmemory 256mb',
      'maxmemory-policy allkeys-lru',
      'lazyfree-lazy-eviction yes',
      'lazyfree-lazy-expire yes',
      'proto-max-bulk-len 1mb',
      'client-query-buffer-limit 1mb',
      'maxmemory-clients 64mb',
      'client-output-buffer-limit normal 4mb 2mb 10',
      'client-output-buffer-limit pubsub 1mb 256kb 30',
      'busy-reply-threshold 1000',
      'maxclients 2000',
    ],
    defaultUser: 'off',
  },
  // The app's own data (progress, drills) must survive restarts: append-only file, no eviction.
  // Its `default` user stays on (behind an unknown password): Valkey 8.0 replays the append-only
  // file as `default` and re-checks ACLs at EXEC, so with `default` off it silently drops every
  // MULTI/EXEC block (and every script's writes) on restart: valkey-io/valkey#3983.
  app: {
    config: ['save ""', 'appendonly yes', 'appendfsync everysec', 'maxmemory 256mb', 'maxmemory-policy noeviction'],
    defaultUser: 'unknown-password',
  },
};

/** A spec for one of the app's own two servers. */
export function roleInstance(role: InstanceRole, port: number, dir: string): InstanceSpec {
  return {
    name: role,
    port,
    dir,
    settings: SERVER_SETTINGS[role],
    portVariable: `KEYSPACE_${role.toUpperCase()}_PORT`,
  };
}

/** Nobody can use the `default` user on any server (see ServerSettings.defaultUser). */
function defaultUserRule(settings: ServerSettings): string {
  if (settings.defaultUser === 'off') return 'user default off resetkeys resetchannels -@all';
  return `user default on >${randomBytes(32).toString('hex')} ~* &* +@all`;
}

export function renderConfig(spec: InstanceSpec, password: string): string {
  return [
    '# Written by Keyspace (lib/servers/local-server.ts) on every start; edits here are overwritten.',
    'bind 127.0.0.1',
    'protected-mode yes',
    `port ${spec.port}`,
    'daemonize no',
    `dir ${spec.dir}`,
    `pidfile ${path.join(spec.dir, 'valkey.pid')}`,
    `logfile ${path.join(spec.dir, 'valkey.log')}`,
    'databases 1',
    'enable-debug-command no',
    'enable-module-command no',
    'enable-protected-configs no',
    'hide-user-data-from-log yes',
    ...spec.settings.config,
    defaultUserRule(spec.settings),
    `user ${ADMIN_USER} on >${password} ~* &* +@all`,
    '',
  ].join('\n');
}

/** The instance's password: generated once, kept beside its data, readable only by its owner. */
export function instancePassword(dir: string): string {
  const file = path.join(dir, 'password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const password = randomBytes(32).toString('hex');
  writeFileSync(file, password + '\n', { mode: 0o600 });
  return password;
}

export function instanceUrl(spec: InstanceSpec, password: string): string {
  return `redis://${ADMIN_USER}:${password}@127.0.0.1:${spec.port}`;
}

export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/**
 * Stops a process left behind by a run that died without cleaning up (SIGKILL, a crash), found
 * through the pidfile it left in our data folder. `expectedName` guards against a reused pid.
 */
export async function stopLeftoverProcess(pidFile: string, expectedName: string): Promise<boolean> {
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid) || !processLooksLike(pid, expectedName)) {
    rmSync(pidFile, { force: true });
    return false;
  }
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 50 && isProcessAlive(pid); i++) await sleep(100);
  if (isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(pidFile, { force: true });
  return true;
}

function processLooksLike(pid: number, expectedName: string): boolean {
  // Without /proc (macOS) trust the pidfile: it sits in our own data folder.
  if (!existsSync(`/proc/${pid}`)) return true;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(expectedName);
  } catch {
    return false;
  }
}

/** Waits until the server answers PING as our admin user, or fails with the tail of its log. */
async function waitUntilReady(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    probe.on('error', () => {});
    try {
      await probe.connect();
      if ((await probe.ping()) === 'PONG') return;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    } finally {
      probe.disconnect();
    }
    await sleep(100);
  }
  const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join('\n') : '';
  throw new Error(`valkey-server did not become ready (${lastError || 'it exited'}).\n${log}`);
}

export async function startInstance(spec: InstanceSpec, valkeyServer: string): Promise<RunningInstance> {
  mkdirSync(spec.dir, { recursive: true });
  await stopLeftoverProcess(path.join(spec.dir, 'valkey.pid'), 'valkey-server');
  if (!(await isPortFree(spec.port))) {
    throw new Error(
      `Port ${spec.port} (the ${spec.name} Valkey) is already in use by another program. ` +
        (spec.portVariable
          ? `Stop that program or set ${spec.portVariable} to a free port.`
          : 'Stop that program first.'),
    );
  }
  const password = instancePassword(spec.dir);
  const configFile = path.join(spec.dir, 'valkey.conf');
  writeFileSync(configFile, renderConfig(spec, password), { mode: 0o600 });
  const child = spawn(valkeyServer, [configFile], { stdio: 'ignore' });
  const url = instanceUrl(spec, password);
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`)),
  );
  try {
    await waitUntilReady(url, child, path.join(spec.dir, 'valkey.log'));
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    spec,
    url,
    pid: child.pid ?? -1,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timeout = sleep(10_000).then(() => 'timeout' as const);
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** Parses `valkey-server --version` output such as "Valkey server v=8.0.1 sha=…". */
export function parseServerVersion(output: string): string | null {
  return /\bv=(\d+\.\d+\.\d+)/.exec(output)?.[1] ?? null;
}
