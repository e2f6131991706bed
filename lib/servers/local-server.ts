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
import { ADMIN_COMMANDS } from './admin-commands';
import { isProcessAlive } from './profile-lock';

export { ADMIN_COMMANDS };

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
  /** The only commands the admin user may run (ADMIN_COMMANDS); every command when left out. */
  adminCommands?: readonly string[];
}

/**
 * Which server program reads the config: Valkey, or Redis OSS 7 (the sandbox's `redis` engine), which
 * takes the same valkey.conf lines except the few Valkey added (VALKEY_ONLY_DIRECTIVES).
 */
export type ServerFlavor = 'valkey' | 'redis';

export interface InstanceSpec {
  /** The server's name in its stack ("sandbox"). */
  name: string;
  /** How messages name it; "the <name> Valkey" when left out. */
  title?: string;
  /** Valkey when left out. */
  flavor?: ServerFlavor;
  port: number;
  /** Absolute folder for this instance's config, password, pid, log and data. */
  dir: string;
  settings: ServerSettings;
  /** The variable that moves this server to another port, named when its port is taken. */
  portVariable?: string;
}

/** A server process this run started (Valkey, Redis or Memcached): where it is and how to stop it. */
export interface RunningServer {
  url: string;
  pid: number;
  /** Settles when the process ends, however it ends, with how it ended ("signal SIGKILL", "code 1"). */
  exited: Promise<string>;
  stop(): Promise<void>;
}

export interface RunningInstance extends RunningServer {
  spec: InstanceSpec;
}

export const ADMIN_USER = 'keyspace';

/** The admin user's ACL rule: every key and channel, and the server's admin commands. */
function adminUserRule(settings: ServerSettings, password: string): string {
  const commands = settings.adminCommands
    ? ['-@all', ...settings.adminCommands.map((command) => `+${command}`)]
    : ['+@all'];
  return `user ${ADMIN_USER} on >${password} ~* &* ${commands.join(' ')}`;
}

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
    adminCommands: ADMIN_COMMANDS.sandbox,
  },
  // The app's own data (progress, drills) must survive restarts: append-only file, no eviction.
  // Its `default` user stays on (behind an unknown password): Valkey 8.0 replays the append-only
  // file as `default` and re-checks ACLs at EXEC, so with `default` off it silently drops every
  // MULTI/EXEC block (and every script's writes) on restart: valkey-io/valkey#3983.
  app: {
    config: ['save ""', 'appendonly yes', 'appendfsync everysec', 'maxmemory 256mb', 'maxmemory-policy noeviction'],
    defaultUser: 'unknown-password',
    adminCommands: ADMIN_COMMANDS.app,
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

/** Directives Redis 7 rejects at startup (Valkey 8 added them); left out of a Redis config. */
const VALKEY_ONLY_DIRECTIVES = ['hide-user-data-from-log'];

/** "the sandbox Valkey", "the Redis OSS server": how messages name a server. */
export function serverTitle(spec: InstanceSpec): string {
  return `the ${spec.title ?? `${spec.name} Valkey`}`;
}

/** The instance's own files in its folder, named after its program: `valkey.conf`, `redis.pid`… */
export function instanceFile(spec: InstanceSpec, extension: 'conf' | 'pid' | 'log'): string {
  return path.join(spec.dir, `${spec.flavor ?? 'valkey'}.${extension}`);
}

export function renderConfig(spec: InstanceSpec, password: string): string {
  const lines = [
    '# Written by Keyspace (lib/servers/local-server.ts) on every start; edits here are overwritten.',
    'bind 127.0.0.1',
    'protected-mode yes',
    `port ${spec.port}`,
    'daemonize no',
    `dir ${spec.dir}`,
    `pidfile ${instanceFile(spec, 'pid')}`,
    `logfile ${instanceFile(spec, 'log')}`,
    'databases 1',
    'enable-debug-command no',
    'enable-module-command no',
    'enable-protected-configs no',
    'hide-user-data-from-log yes',
    ...spec.settings.config,
    defaultUserRule(spec.settings),
    adminUserRule(spec.settings, password),
    '',
  ];
  if (spec.flavor !== 'redis') return lines.join('\n');
  return lines.filter((line) => !VALKEY_ONLY_DIRECTIVES.includes(line.split(' ')[0] ?? '')).join('\n');
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
 * SIGKILL is for a server with nothing to save (memcached); SIGKILL follows SIGTERM after 5 s anyway.
 */
export async function stopLeftoverProcess(
  pidFile: string,
  expectedName: string,
  signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM',
): Promise<boolean> {
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid) || !processLooksLike(pid, expectedName)) {
    rmSync(pidFile, { force: true });
    return false;
  }
  process.kill(pid, signal);
  for (let i = 0; i < 250 && isProcessAlive(pid); i++) await sleep(20);
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
async function waitUntilReady(url: string, child: ChildProcess, logFile: string, program: string): Promise<void> {
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
  throw new Error(`${program} did not become ready (${lastError || 'it exited'}).\n${log}`);
}

/** Starts valkey-server (or redis-server, for a spec of the `redis` flavor) with the spec's config. */
export async function startInstance(spec: InstanceSpec, serverBinary: string): Promise<RunningInstance> {
  const program = `${spec.flavor ?? 'valkey'}-server`;
  mkdirSync(spec.dir, { recursive: true });
  await stopLeftoverProcess(instanceFile(spec, 'pid'), program);
  if (!(await isPortFree(spec.port))) {
    throw new Error(
      `Port ${spec.port} (${serverTitle(spec)}) is already in use by another program. ` +
        (spec.portVariable
          ? `Stop that program or set ${spec.portVariable} to a free port.`
          : 'Stop that program first.'),
    );
  }
  const password = instancePassword(spec.dir);
  const configFile = instanceFile(spec, 'conf');
  writeFileSync(configFile, renderConfig(spec, password), { mode: 0o600 });
  const child = spawn(serverBinary, [configFile], { stdio: 'ignore' });
  const url = instanceUrl(spec, password);
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`)),
  );
  try {
    await waitUntilReady(url, child, instanceFile(spec, 'log'), program);
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

/** Parses `valkey-server --version` output such as "Valkey server v=8.0.1 sha=…" (redis-server's is alike). */
export function parseServerVersion(output: string): string | null {
  return /\bv=(\d+\.\d+\.\d+)/.exec(output)?.[1] ?? null;
}
