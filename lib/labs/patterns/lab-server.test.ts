import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { reapLeftoverLabs } from '@/lib/labs/cluster/reap';
import { isProcessAlive } from '@/lib/servers/profile-lock';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../../..');
const DATA_ROOT = path.join(PROJECT_ROOT, '.data');

/** Runs orphan-server.fixture.ts as a separate app process; resolves with its server once it is up. */
async function appProcess(how: 'stay' | 'exit') {
  // One process (not the tsx command, which runs the script in a child), so that SIGKILL kills the app itself.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'orphan-server.fixture.ts'), how],
    {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0] as string);
    });
    child.once('exit', () => reject(new Error(`the app process exited before its server was up: ${out}`)));
  });
  return { child, exited, ...(JSON.parse(line) as { pid: number; dir: string }) };
}

async function gone(pid: number, timeoutMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid) && Date.now() < deadline) await sleep(50);
  return !isProcessAlive(pid);
}

describe('a patterns lab server', () => {
  it('is killed with its app when the app exits, and reaped after its app was SIGKILLed', async () => {
    const [exiting, killed] = await Promise.all([appProcess('exit'), appProcess('stay')]);
    await exiting.exited;
    expect(await gone(exiting.pid)).toBe(true);
    expect(existsSync(exiting.dir)).toBe(false);

    const owner = JSON.parse(readFileSync(path.join(killed.dir, 'owner.json'), 'utf8')) as { pid: number };
    expect(owner.pid).toBe(killed.child.pid);
    killed.child.kill('SIGKILL');
    await killed.exited;
    // SIGKILL runs no exit hook: the server outlives its app until the next start reaps it.
    expect(isProcessAlive(killed.pid)).toBe(true);
    expect(await reapLeftoverLabs(DATA_ROOT)).toBeGreaterThanOrEqual(1);
    expect(await gone(killed.pid)).toBe(true);
    expect(existsSync(killed.dir)).toBe(false);
  });
});
