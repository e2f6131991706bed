/**
 * The app under test, started exactly as `npm start` starts it (scripts/run.mjs start), on its own
 * profile and port. It owns Next.js and both Valkey servers and stops them all on SIGTERM; we only
 * ever signal that one child, by its pid, and wait for it to exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface AppProcess {
  readonly child: ChildProcess;
  /** Resolves when the app prints "ready at"; rejects if it exits or times out first. */
  readonly ready: Promise<void>;
  /** Resolves with the exit code (or signal name) once the child has exited. */
  readonly exited: Promise<string>;
  /** SIGTERM, then wait; SIGKILL only if it has not exited after the grace period. */
  stop(): Promise<void>;
}

export interface AppOptions {
  root: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  readyTimeoutMs: number;
  /** Every line the app prints is written here. */
  logFile: string;
  /** How many lines to echo to our own output once the app is ready (its errors under load). */
  echoAfterReady: number;
}

export function startApp(options: AppOptions): AppProcess {
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile);
  const child = spawn(process.execPath, [path.join(options.root, 'scripts', 'run.mjs'), ...options.args], {
    cwd: options.root,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let isReady = false;
  let echoed = 0;
  let suppressed = 0;
  let markReady: () => void = () => {};
  let markFailed: (error: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  // Callers may never await `ready` (an early Ctrl+C): keep a rejection from going unhandled.
  ready.catch(() => {});

  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      const how = signal ?? `code ${code}`;
      if (!isReady)
        markFailed(
          new Error(`The app exited before it was ready (${how}); see its output above or in ${options.logFile}.`),
        );
      if (suppressed > 0) console.log(`  │ (${suppressed} more lines of app output in ${options.logFile})`);
      log.end();
      resolve(how);
    });
  });

  const onLine = (line: string) => {
    log.write(`${line}\n`);
    if (!isReady || echoed < options.echoAfterReady) {
      if (isReady) echoed++;
      console.log(`  │ ${line}`);
    } else {
      suppressed++;
    }
    if (!isReady && line.includes('ready at')) {
      isReady = true;
      markReady();
    }
  };
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      pending += chunk;
      let newline: number;
      while ((newline = pending.indexOf('\n')) >= 0) {
        onLine(pending.slice(0, newline));
        pending = pending.slice(newline + 1);
      }
    });
    stream.on('end', () => {
      if (pending) onLine(pending);
    });
  }

  const timer = setTimeout(() => {
    if (!isReady) markFailed(new Error(`The app was not ready within ${Math.round(options.readyTimeoutMs / 1000)} s.`));
  }, options.readyTimeoutMs);
  timer.unref();
  void ready.then(
    () => clearTimeout(timer),
    () => clearTimeout(timer),
  );

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const outcome = await Promise.race([exited, sleep(60_000).then(() => null)]);
      if (outcome === null) {
        console.warn(
          '! The app did not stop within 60 s of SIGTERM; sending SIGKILL (its Valkey servers are cleaned up by the next run).',
        );
        child.kill('SIGKILL');
        await exited;
      }
    })());

  return { child, ready, exited, stop };
}
