import { processGone, startOwnerProcess } from '@/lib/testing/owner-process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reapLeftoverLabs } from '@/lib/labs/cluster/reap';
import { isProcessAlive } from '@/lib/servers/profile-lock';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../../..');
const DATA_ROOT = path.join(PROJECT_ROOT, '.data');

/** Runs orphan-server.fixture.ts as a separate app process; resolves with its server once it is up. */
async function appProcess(how: 'stay' | 'exit') {
  const { child, exited, info } = await startOwnerProcess<{ pid: number; dir: string }>(
    path.join(import.meta.dirname, 'orphan-server.fixture.ts'),
    [how],
  );
  return { child, exited, ...info };
}

describe('a patterns lab server', () => {
  it('is killed with its app when the app exits, and reaped after its app was SIGKILLed', async () => {
    const [exiting, killed] = await Promise.all([appProcess('exit'), appProcess('stay')]);
    await exiting.exited;
    expect(await processGone(exiting.pid)).toBe(true);
    expect(existsSync(exiting.dir)).toBe(false);

    const owner = JSON.parse(readFileSync(path.join(killed.dir, 'owner.json'), 'utf8')) as { pid: number };
    expect(owner.pid).toBe(killed.child.pid);
    killed.child.kill('SIGKILL');
    await killed.exited;
    // SIGKILL runs no exit hook: the server outlives its app until the next start reaps it.
    expect(isProcessAlive(killed.pid)).toBe(true);
    expect(await reapLeftoverLabs(DATA_ROOT)).toBeGreaterThanOrEqual(1);
    expect(await processGone(killed.pid)).toBe(true);
    expect(existsSync(killed.dir)).toBe(false);
  });
});
