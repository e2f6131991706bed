/**
 * The tests that prove no server outlives its app (lib/servers/engine-servers.test.ts,
 * lib/labs/patterns/lab-server.test.ts, lib/labs/cluster/lab-manager.test.ts) run a fixture script
 * as the "app": a separate process that starts its servers, prints one JSON line about them, then
 * exits or stays to be SIGKILLed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isProcessAlive } from '../servers/profile-lock';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

export interface OwnerProcess<Info> {
  child: ChildProcess;
  /** Settles when the owner process ends. */
  exited: Promise<unknown>;
  /** What the fixture printed once its servers were up. */
  info: Info;
}

/** Runs `fixture` with `args` as a separate app process; resolves once it printed its first line. */
export async function startOwnerProcess<Info>(fixture: string, args: string[]): Promise<OwnerProcess<Info>> {
  // One process (not the tsx command, which runs the script in a child), so that SIGKILL kills the app itself.
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, ...args], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0] as string);
    });
    child.once('exit', () => reject(new Error(`${path.basename(fixture)} exited before its servers were up: ${out}`)));
  });
  return { child, exited, info: JSON.parse(line) as Info };
}

/** Whether `pid` is gone within `timeoutMs` (polled, so a quick exit is seen quickly). */
export async function processGone(pid: number, timeoutMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid) && Date.now() < deadline) await sleep(50);
  return !isProcessAlive(pid);
}
