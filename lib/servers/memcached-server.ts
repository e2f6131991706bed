/**
 * A local Memcached server for the sandbox's `memcached` engine: start, readiness, stop, and the
 * reaping of one left behind by a run that was killed outright.
 *
 * Like the Valkey instances (local-server.ts) it lives in its own folder under the profile's data
 * folder, listens on loopback only, and needs a password: memcached's ASCII auth (`-Y authfile`),
 * with the user `keyspace` and a password generated at each start, kept in the folder (mode 0600),
 * never printed. memcached writes no pidfile unless it daemonizes, so this module writes one; the
 * next start stops a leftover through it (stopLeftoverProcess checks the pid is a memcached).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ADMIN_USER, isPortFree, stopLeftoverProcess, type RunningServer } from './local-server';
import { memcachedVersion } from './memcached-probe';

export interface MemcachedSpec {
  /** How messages name it ("the Memcached server"). */
  title?: string;
  port: number;
  /** Absolute folder for its auth file, password, pidfile and log. */
  dir: string;
  /** `-m`: the item memory in megabytes; learners share it, and it evicts (LRU) when full. */
  memoryMb?: number;
  /** `-c`: the most simultaneous connections. */
  connections?: number;
  /** The variable that moves it to another port, named when its port is taken. */
  portVariable?: string;
}

export interface RunningMemcached extends RunningServer {
  spec: MemcachedSpec;
  /** The password in the URL, for a supervisor's restart on the same URL. */
  password: string;
}

const running = new Set<number>();
let exitHookInstalled = false;

/** Whatever way this process ends, no memcached it started outlives it ('exit' listeners must be synchronous). */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const pid of running) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  });
}

/**
 * Whether the port is free, or becomes free within `waitMs`: a leftover just killed can still hold
 * its port for a moment on a loaded machine (seen in scripts/start.test.ts as "already in use").
 */
async function portFreeSoon(port: number, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  while (!(await isPortFree(port))) {
    if (Date.now() >= deadline) return false;
    await sleep(50);
  }
  return true;
}

export function memcachedPidFile(dir: string): string {
  return path.join(dir, 'memcached.pid');
}

/** A fresh password for one start; supervised restarts pass the same one again to keep the URL. */
export function newMemcachedPassword(): string {
  return randomBytes(32).toString('hex');
}

export function memcachedUrl(port: number, password: string): string {
  return `memcached://${ADMIN_USER}:${password}@127.0.0.1:${port}`;
}

function logTail(logFile: string): string {
  return existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join('\n') : '';
}

async function waitUntilReady(url: string, isRunning: () => boolean, logFile: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let lastError = '';
  while (Date.now() < deadline && isRunning()) {
    try {
      await memcachedVersion(url, 1_000);
      return;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await sleep(50);
  }
  throw new Error(`memcached did not become ready (${isRunning() ? lastError : 'it exited'}).\n${logTail(logFile)}`);
}

/** Starts memcached on loopback with ASCII auth; resolves once it answers `version` to the admin user. */
export async function startMemcached(
  spec: MemcachedSpec,
  binary: string,
  password = newMemcachedPassword(),
): Promise<RunningMemcached> {
  const title = `the ${spec.title ?? 'Memcached server'}`;
  mkdirSync(spec.dir, { recursive: true });
  const pidFile = memcachedPidFile(spec.dir);
  // A cache has nothing to save: a leftover is killed outright, sparing memcached's ~0.7 s shutdown.
  const stoppedLeftover = await stopLeftoverProcess(pidFile, 'memcached', 'SIGKILL');
  if (!(await portFreeSoon(spec.port, stoppedLeftover ? 3_000 : 0))) {
    throw new Error(
      `Port ${spec.port} (${title}) is already in use by another program. ` +
        (spec.portVariable
          ? `Stop that program or set ${spec.portVariable} to a free port.`
          : 'Stop that program first.'),
    );
  }
  writeFileSync(path.join(spec.dir, 'password'), `${password}\n`, { mode: 0o600 });
  const authFile = path.join(spec.dir, 'auth');
  writeFileSync(authFile, `${ADMIN_USER}:${password}\n`, { mode: 0o600 });
  const logFile = path.join(spec.dir, 'memcached.log');
  const log = openSync(logFile, 'w');
  const args = ['-l', '127.0.0.1', '-p', String(spec.port), '-U', '0'];
  args.push('-m', String(spec.memoryMb ?? 64), '-c', String(spec.connections ?? 1024), '-Y', authFile);
  // memcached refuses to run as root unless told which user to run as (containers, CI): stay root.
  if (process.getuid?.() === 0) args.push('-u', 'root');
  const child = spawn(binary, args, { stdio: ['ignore', log, log] });
  closeSync(log);
  const pid = child.pid ?? -1;
  if (pid > 0) {
    writeFileSync(pidFile, `${pid}\n`);
    running.add(pid);
    installExitHook();
  }
  let spawnError: Error | null = null;
  const exited = new Promise<string>((resolve) => {
    child.once('error', (error) => {
      spawnError = error;
      resolve(`error ${error.message}`);
    });
    child.once('exit', (code, signal) => {
      running.delete(pid);
      // Only this process's pidfile: a restart may already have written its own.
      if (existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() === String(pid)) rmSync(pidFile, { force: true });
      resolve(signal ? `signal ${signal}` : `code ${code}`);
    });
  });
  const isRunning = () => spawnError === null && child.exitCode === null && child.signalCode === null;
  const url = memcachedUrl(spec.port, password);
  try {
    await waitUntilReady(url, isRunning, logFile);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
  return {
    spec,
    url,
    pid,
    password,
    exited,
    async stop() {
      if (!isRunning()) return;
      child.kill('SIGTERM');
      const timeout = sleep(5_000).then(() => 'timeout' as const);
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}
