/** The lab manager's limits and clean-up, on real labs: the idle sweep, and no node outliving its app. */
import { startOwnerProcess } from '@/lib/testing/owner-process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { isProcessAlive } from '@/lib/servers/profile-lock';
import { AppError } from '@/lib/errors';
import { PORTS_PER_LAB } from './lab';
import { labTopologyOf } from './lab-service';
import { reapLeftoverLabs } from './reap';
import { TEST_DATA_ROOT, testLabManager, testLabSettings } from './testing';

const managers: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const manager of managers) await manager.close();
});

/** Runs orphan-lab.fixture.ts as a separate app process; resolves with its lab once it is up. */
async function appProcess(how: 'stay' | 'exit') {
  const { child, exited, info } = await startOwnerProcess<{ pids: number[]; dir: string }>(
    path.join(import.meta.dirname, 'orphan-lab.fixture.ts'),
    [how],
  );
  return { child, exited, ...info };
}

async function allGone(pids: number[], timeoutMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (pids.some(isProcessAlive) && Date.now() < deadline) await sleep(50);
  return !pids.some(isProcessAlive);
}

describe('the lab manager', () => {
  it('stops and deletes a lab once it has been idle for the limit', async () => {
    const manager = testLabManager('manager', { idleMs: 300, portCount: PORTS_PER_LAB });
    managers.push(manager);
    const lab = await manager.start('idler', 'replication');
    const pids = lab.pids();
    expect(pids).toHaveLength(3);
    expect(pids.every(isProcessAlive)).toBe(true);
    // Reading the topology (the page polls it) does not count as use: the lab goes idle all the same.
    const deadline = Date.now() + 5_000;
    while (manager.runningLabs > 0 && Date.now() < deadline) {
      await labTopologyOf('idler', manager).catch(() => null);
      await sleep(50);
    }
    expect(manager.runningLabs).toBe(0);
    expect(await allGone(pids)).toBe(true);
    // The folder is deleted after the nodes are gone, a moment later on a busy machine.
    await expect.poll(() => existsSync(lab.dir), { timeout: 5_000 }).toBe(false);
  });

  it('answers 503 with the minutes until a lab frees up when the cap is reached', async () => {
    const manager = testLabManager('manager', { maxLabs: 1, idleMs: 10 * 60_000, portCount: PORTS_PER_LAB });
    managers.push(manager);
    await manager.start('first', 'replication');
    const refusal = await manager.start('second', 'replication').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({
      status: 503,
      message: 'All labs are busy: try again in 10 minutes.',
      retryAfterSeconds: 600,
    });
    await manager.stop('first');
  });

  it('kills every node when the app exits', async () => {
    const app = await appProcess('exit');
    await app.exited;
    expect(await allGone(app.pids)).toBe(true);
    expect(existsSync(app.dir)).toBe(false);
  }, 20_000);

  it("reaps a SIGKILLed app's nodes at the next start, and leaves a live app's labs alone", async () => {
    const app = await appProcess('stay');
    expect(await reapLeftoverLabs(TEST_DATA_ROOT)).toBe(0); // its owner is alive: not ours to stop
    expect(app.pids.every(isProcessAlive)).toBe(true);
    app.child.kill('SIGKILL');
    await app.exited;
    expect(app.pids.every(isProcessAlive)).toBe(true); // nothing stops them but the next start
    const next = testLabManager('manager', { portCount: PORTS_PER_LAB });
    managers.push(next);
    expect(await next.start('after', 'replication')).toBeDefined(); // the new manager reaps before it starts anything
    expect(await allGone(app.pids)).toBe(true);
    expect(existsSync(app.dir)).toBe(false);
    expect(testLabSettings('manager').portCount).toBe(2 * PORTS_PER_LAB);
  }, 30_000);
});
