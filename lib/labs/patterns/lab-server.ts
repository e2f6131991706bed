/**
 * The caching-patterns lab's own Valkey servers (`cache` in front of the origin, `eviction` for the
 * eviction experiment): one on-demand valkey-server each, on loopback, never the learners' sandbox
 * or the app's data server. Each lives in `.data/labs/patterns-<name>-<pid>-<port>/` with an `owner.json`
 * like a cluster lab's, and its node in `server/` (pidfile and all, through local-server.ts), so
 * lib/labs/cluster/reap.ts stops one left behind by an app killed outright (SIGKILL). An 'exit'
 * hook kills every one this process started, however the process ends (Next.js exits on SIGTERM).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import { reapLeftoverLabs, labsRoot } from '@/lib/labs/cluster/reap';
import { ADMIN_USER, isPortFree, startInstance, type RunningInstance } from '@/lib/servers/local-server';
import { findValkeyServer } from '@/lib/servers/server-binary';

export type LabServerName = 'cache' | 'eviction';

export type MaxMemoryPolicy =
  | 'noeviction'
  | 'allkeys-lru'
  | 'allkeys-lfu'
  | 'allkeys-random'
  | 'volatile-lru'
  | 'volatile-lfu'
  | 'volatile-random'
  | 'volatile-ttl';

export interface LabServerOptions {
  name: LabServerName;
  port: number;
  maxMemoryBytes: number;
  policy: MaxMemoryPolicy;
  /** The data dir (`.data`); the server's folder goes in its `labs/`. */
  dataRoot: string;
  /** How long to wait for the port when another process of ours holds it (a parallel test file). */
  portWaitMs?: number;
}

export interface LabServer {
  /** The app's admin connection: every command, each bounded by a timeout. */
  admin: Redis;
  port: number;
  /** The server's process id (tests kill it to prove the reaper). */
  pid: number;
  /** `.data/labs/patterns-<name>-<pid>-<port>`. */
  dir: string;
  /**
   * Another connection to the same server (a run's own, with its key prefix; a blocking consumer's).
   * `viaPort` reaches it through a loopback port in between (the pipelining experiment's latency proxy).
   */
  connect(connectionName: string, options?: { keyPrefix?: string; viaPort?: number }): Redis;
  stop(): Promise<void>;
}

const running = new Set<{ instance: RunningInstance; dir: string }>();
let exitHookInstalled = false;

/** Synchronous, as an 'exit' listener must be: kill every lab server, delete its folder. */
function killLabServersNow(): void {
  for (const { instance, dir } of running) {
    try {
      process.kill(instance.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    rmSync(dir, { recursive: true, force: true });
  }
  running.clear();
}

function labConnection(port: number, password: string, connectionName: string, keyPrefix?: string): Redis {
  const client = new Redis({
    ...(keyPrefix ? { keyPrefix } : {}),
    host: '127.0.0.1',
    port,
    username: ADMIN_USER,
    password,
    connectionName,
    maxRetriesPerRequest: 1,
    // A new connection may be used at once (its first commands wait for it); commandTimeout still bounds them.
    enableOfflineQueue: true,
    connectTimeout: 2_000,
    commandTimeout: 5_000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
  });
  client.on('error', () => {}); // a lab server that went away is reported by the command that needed it
  return client;
}

async function waitForPort(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await isPortFree(port))) {
    if (Date.now() >= deadline) return false;
    await sleep(100);
  }
  return true;
}

async function ready(client: Redis): Promise<void> {
  if (client.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    client.once('ready', resolve);
    client.once('end', () => reject(new Error('the lab server closed the connection')));
  });
}

/** Starts one lab server; throws with a message that says what to do when it cannot. */
export async function startLabServer(options: LabServerOptions): Promise<LabServer> {
  const valkey = findValkeyServer();
  if (!valkey) throw new Error('The caching-patterns lab needs valkey-server 8 or newer on this machine.');
  await reapLeftoverLabs(options.dataRoot);
  // Another live process of ours (a parallel test file) may hold the port: wait for it to let go.
  if (!(await waitForPort(options.port, options.portWaitMs ?? 0))) {
    throw new Error(
      `Port ${options.port} (the patterns lab's ${options.name} Valkey) is in use by another program. ` +
        `Stop it or set KEYSPACE_PATTERNS_${options.name.toUpperCase()}_PORT to a free port.`,
    );
  }
  const folder = `patterns-${options.name}-${process.pid}-${options.port}`;
  const dir = path.join(labsRoot(options.dataRoot), folder);
  const nodeDir = path.join(dir, 'server');
  rmSync(dir, { recursive: true, force: true });
  // Prepared beside labs/ and moved in whole: another process's reaper must never see the folder
  // without its owner.json (it would take it for a dead app's and delete it).
  const staging = path.join(options.dataRoot, 'labs-staging', folder);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(path.join(staging, 'server'), { recursive: true });
  writeFileSync(
    path.join(staging, 'owner.json'),
    JSON.stringify({ pid: process.pid, lab: `patterns-${options.name}` }) + '\n',
  );
  const password = randomBytes(24).toString('hex');
  writeFileSync(path.join(staging, 'server', 'password'), `${password}\n`, { mode: 0o600 });
  mkdirSync(labsRoot(options.dataRoot), { recursive: true });
  renameSync(staging, dir);
  const instance = await startInstance(
    {
      name: `patterns lab ${options.name} Valkey`,
      port: options.port,
      dir: nodeDir,
      portVariable: `KEYSPACE_PATTERNS_${options.name.toUpperCase()}_PORT`,
      settings: {
        config: [
          'save ""',
          'appendonly no',
          `maxmemory ${options.maxMemoryBytes}`,
          `maxmemory-policy ${options.policy}`,
          'maxclients 512',
        ],
        defaultUser: 'off',
      },
    },
    valkey.path,
  ).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  const entry = { instance, dir };
  running.add(entry);
  if (!exitHookInstalled) {
    process.once('exit', killLabServersNow);
    exitHookInstalled = true;
  }
  const connections = new Set<Redis>();
  const connect = (connectionName: string, connectionOptions: { keyPrefix?: string; viaPort?: number } = {}) => {
    const port = connectionOptions.viaPort ?? options.port;
    const client = labConnection(port, password, connectionName, connectionOptions.keyPrefix);
    connections.add(client);
    client.once('end', () => connections.delete(client));
    return client;
  };
  const admin = connect(`patterns-${options.name}-admin`);
  await ready(admin);
  return {
    admin,
    port: options.port,
    pid: instance.pid,
    dir,
    connect,
    async stop() {
      for (const client of connections) client.disconnect();
      running.delete(entry);
      await instance.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
