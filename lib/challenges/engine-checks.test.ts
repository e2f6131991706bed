/**
 * Challenges on another engine: on Redis OSS the checks run through the Redis pipeline on the
 * learner's Redis keys (not their Valkey ones); on Memcached they read the learner's own items.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ChallengeSpec } from '@/lib/content/challenge-schema';
import { newLearnerId } from '@/lib/sandbox/learner';
import { closeMemcachedConnections, executeMemcachedLine } from '@/lib/sandbox/memcached';
import { closeSandbox, runText } from '@/lib/testing/sandbox';
import { sandboxLimits } from '@/lib/sandbox/limits';
import { runChallengeChecks } from './run-checks';
import { executeWhenIdle, resetLearnerOn } from './when-idle';

const learners: string[] = [];
afterAll(async () => {
  for (const learner of learners) {
    await resetLearnerOn(learner, 'memcached');
    await resetLearnerOn(learner, 'redis');
    await resetLearnerOn(learner, 'valkey');
  }
  await closeMemcachedConnections();
  await closeSandbox();
});

function learner(): string {
  const id = newLearnerId();
  learners.push(id);
  return id;
}

const run = (id: string, line: string) => executeMemcachedLine(id, line, sandboxLimits());

const session: ChallengeSpec = {
  id: 'test-memcached-session',
  title: 'A session on Memcached',
  engine: 'memcached',
  solution: ['set session:grace 0 1800 5 grace'],
  checks: [
    {
      label: 'session:grace holds grace, expiring',
      key: 'session:grace',
      value: { equals: 'grace' },
      ttl: [1, 1800],
      failure: 'Store it.',
    },
    { label: 'no draft left', key: 'draft:grace', absent: true, failure: 'Delete the draft.' },
  ],
};

const visitors: ChallengeSpec = {
  id: 'test-redis-visitors',
  title: 'Visitors on Redis OSS',
  engine: 'redis',
  solution: ['PFADD visitors:redis ada bob cy ada'],
  checks: [
    { label: 'three visitors', run: 'PFCOUNT visitors:redis', expect: { equals: { integer: '3' } }, failure: 'Count.' },
  ],
};

describe('challenge checks on Redis OSS', () => {
  it("read the learner's Redis OSS keys, not their Valkey ones", async () => {
    const id = learner();
    await runText(id, 'PFADD visitors:redis ada bob cy');
    expect((await runChallengeChecks(id, visitors)).checks[0]?.detail).toBe(
      'Count. (PFCOUNT visitors:redis → (integer) 0: the reply is different)',
    );
    const added = await executeWhenIdle(id, 'PFADD visitors:redis ada bob cy ada', 'redis');
    expect(added).toMatchObject({ kind: 'reply', body: { text: '(integer) 1' } });
    expect(await runChallengeChecks(id, visitors)).toMatchObject({ passed: true });
  });
});

describe('challenge checks on Memcached', () => {
  it("read the learner's own items, with their TTL, and not another learner's", async () => {
    const solver = learner();
    const other = learner();
    expect((await run(solver, 'set session:grace 0 0 5\ngrace')).kind).toBe('reply');
    await run(solver, 'set draft:grace 0 0 1 x');
    const first = await runChallengeChecks(solver, session);
    expect(first.checks).toEqual([
      {
        label: 'session:grace holds grace, expiring',
        passed: false,
        detail: 'Store it. (no expiry: expected 1 to 1800 s)',
      },
      { label: 'no draft left', passed: false, detail: 'Delete the draft. (get draft:grace → "x")' },
    ]);

    await run(solver, 'touch session:grace 1800');
    await run(solver, 'delete draft:grace');
    const solved = await runChallengeChecks(solver, session);
    expect(solved.passed).toBe(true);
    expect(solved.checks[0]?.detail).toMatch(/^get session:grace → "grace", 1[78]\d\d s to live$/);

    const elsewhere = await runChallengeChecks(other, session);
    expect(elsewhere.checks[0]).toMatchObject({
      passed: false,
      detail: 'Store it. (get session:grace → no such item: the reply is different)',
    });
  });

  it('run lines through the Memcached engine for the content checker and resets', async () => {
    const id = learner();
    const stored = await executeWhenIdle(id, 'set greeting 0 60 5 hello', 'memcached');
    expect(stored).toMatchObject({ kind: 'reply', body: { ok: true, text: 'STORED' } });
    await resetLearnerOn(id, 'memcached');
    const gone = await executeWhenIdle(id, 'get greeting', 'memcached');
    expect(gone).toMatchObject({ kind: 'reply', body: { text: 'END' } });
  });
});
