/**
 * A real PostgreSQL for tests and the benchmark, when this machine has one installed: initdb into a
 * folder under `.data/` (under the system's temporary folder when it must run as the postgres user), started on a loopback port with durability off (it is thrown away), and
 * stopped and deleted afterwards. Where there is none (or it cannot run here), `startThrowawayPostgres`
 * says why instead, so the caller can skip with that reason.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isPortFree } from '@/lib/servers/local-server';
import { isProcessAlive } from '@/lib/servers/profile-lock';

export interface ThrowawayPostgres {
  url: string;
  stop(): Promise<void>;
}

const SEARCH_DIRS = [
  '/usr/local/bin',
  '/usr/bin',
  '/usr/lib/postgresql/17/bin',
  '/usr/lib/postgresql/16/bin',
  '/usr/lib/postgresql/15/bin',
];
const FOLDER_PREFIX = 'keyspace-patterns-postgres-';

function findBinary(name: string): string | null {
  for (const dir of SEARCH_DIRS) if (existsSync(path.join(dir, name))) return path.join(dir, name);
  return null;
}

/** PostgreSQL refuses to run as root: run it as the `postgres` user then, if there is one. */
function runAs(): { uid: number; gid: number; prefix: string[] } | null | 'unavailable' {
  if (process.getuid?.() !== 0) return null;
  const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (id.status !== 0 || !existsSync('/usr/sbin/runuser')) return 'unavailable';
  return {
    uid: Number(id.stdout.trim()),
    gid: Number(gid.stdout.trim()),
    prefix: ['/usr/sbin/runuser', '-u', 'postgres', '--'],
  };
}

/** Stops and deletes servers of test processes that died without stopping theirs. */
function reapLeftovers(dataRoot: string): void {
  if (!existsSync(dataRoot)) return;
  for (const entry of readdirSync(dataRoot)) {
    if (!entry.startsWith(FOLDER_PREFIX)) continue;
    const owner = Number(entry.slice(FOLDER_PREFIX.length));
    if (owner === process.pid || isProcessAlive(owner)) continue;
    const dir = path.join(dataRoot, entry);
    const pidFile = path.join(dir, 'data', 'postmaster.pid');
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
    if (pid > 0 && isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

async function waitUntilAccepting(url: string, child: ChildProcess, timeoutMs: number): Promise<string | null> {
  const { Client } = (await import('pg')).default;
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return `postgres exited (code ${child.exitCode})`;
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.end();
      return null;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
      await client.end().catch(() => undefined);
      await sleep(100);
    }
  }
  return `postgres did not accept connections in time (${last})`;
}

/** Starts one, or answers why it cannot (no PostgreSQL installed, port taken, initdb failed…). */
export async function startThrowawayPostgres(
  port: number,
  dataRoot: string,
): Promise<ThrowawayPostgres | { unavailable: string }> {
  const initdb = findBinary('initdb');
  const postgres = findBinary('postgres');
  if (!initdb || !postgres)
    return { unavailable: 'no PostgreSQL server (initdb, postgres) is installed on this machine' };
  const user = runAs();
  if (user === 'unavailable')
    return { unavailable: 'running as root and there is no postgres user to run PostgreSQL as' };
  // Run as the postgres user, the server must reach its folder: a checkout inside a private folder
  // (a fresh clone in `mktemp -d`, mode 0700) is out of its reach, so the folder goes in the
  // system's temporary folder instead, which every user can traverse.
  const home = user ? tmpdir() : dataRoot;
  reapLeftovers(home);
  if (!(await isPortFree(port))) return { unavailable: `port ${port} for the throwaway PostgreSQL is in use` };
  const dir = path.join(home, `${FOLDER_PREFIX}${process.pid}`);
  const dataDir = path.join(dir, 'data');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (user) chownSync(dir, user.uid, user.gid);
  const prefix = user?.prefix ?? [];
  const init = spawnSync(
    prefix[0] ?? initdb,
    [
      ...prefix.slice(1),
      ...(prefix.length ? [initdb] : []),
      '-D',
      dataDir,
      '-U',
      'keyspace',
      '--auth=trust',
      '--no-sync',
      '-E',
      'UTF8',
    ],
    { encoding: 'utf8' },
  );
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { unavailable: `initdb failed: ${(init.stderr || init.stdout).trim().split('\n').slice(-2).join(' ')}` };
  }
  const args = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-h',
    '127.0.0.1',
    '-k',
    dir,
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
  ];
  const child = spawn(prefix[0] ?? postgres, [...prefix.slice(1), ...(prefix.length ? [postgres] : []), ...args], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `postgres://keyspace@127.0.0.1:${port}/postgres`;
  const problem = await waitUntilAccepting(url, child, 20_000);
  const stop = async () => {
    // The postmaster's pid (runuser may stand between): a fast shutdown, then SIGKILL if it lingers.
    const pidFile = path.join(dataDir, 'postmaster.pid');
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : child.pid;
    if (pid && isProcessAlive(pid)) process.kill(pid, 'SIGINT');
    const timeout = sleep(5_000).then(() => 'timeout' as const);
    if ((await Promise.race([exited, timeout])) === 'timeout' && pid && isProcessAlive(pid))
      process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  if (problem) {
    await stop();
    return { unavailable: problem };
  }
  return { url, stop };
}
