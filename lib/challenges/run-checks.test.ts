/** Challenge checks on real learners' keyspaces: isolation, forbidden commands, transactions, slots. */
import { afterAll, describe, expect, it } from 'vitest';
import type { ChallengeSpec } from '@/lib/content/schema';
import { recordCommandUse } from '@/lib/sandbox/command-usage';
import { newLearnerId } from '@/lib/sandbox/learner';
import { closeSandbox, runText } from '@/lib/testing/sandbox';
import { runChallengeChecks } from './run-checks';

afterAll(closeSandbox);

const counter: ChallengeSpec = {
  id: 'test-counter',
  title: 'Count visits',
  solution: ['INCRBY visits 3'],
  forbid: ['KEYS'],
  checks: [{ label: 'visits is 3', run: 'GET visits', expect: { equals: '3' }, failure: 'visits should be 3.' }],
};

describe('runChallengeChecks', () => {
  it("passes on the learner's own keys and not on another learner's", async () => {
    const solver = newLearnerId();
    const other = newLearnerId();
    await runText(solver, 'INCRBY visits 3');
    expect(await runChallengeChecks(solver, counter)).toMatchObject({
      passed: true,
      checks: [
        { label: 'visits is 3', passed: true },
        { label: 'Solved without KEYS', passed: true },
      ],
    });
    const result = await runChallengeChecks(other, counter);
    expect(result.passed).toBe(false);
    expect(result.checks[0]).toEqual({
      label: 'visits is 3',
      passed: false,
      detail: 'visits should be 3. (GET visits → (nil): the reply is different)',
    });
  });

  it('fails a forbidden command used since the previous check, then lets a clean attempt pass', async () => {
    const learner = newLearnerId();
    await runText(learner, 'INCRBY visits 3');
    recordCommandUse(learner, '"keys" *', 1_000);
    const first = await runChallengeChecks(learner, counter, 2_000);
    expect(first.passed).toBe(false);
    expect(first.checks.at(-1)).toMatchObject({ passed: false, detail: expect.stringContaining('You used KEYS') });
    expect((await runChallengeChecks(learner, counter, 3_000)).passed).toBe(true);
  });

  it("waits for the learner's command in flight instead of colliding with it", async () => {
    const learner = newLearnerId();
    await runText(learner, 'INCRBY visits 3');
    // A blocking read holds the learner's one command slot for about a second.
    const blocking = runText(learner, 'BLPOP nothing:here 1');
    const result = await runChallengeChecks(learner, counter);
    expect(result.checks[0]).toMatchObject({ label: 'visits is 3', passed: true });
    expect(await blocking).toBe('(nil)');
  });

  it('refuses to check inside an open MULTI, so checks are never queued', async () => {
    const learner = newLearnerId();
    await runText(learner, 'INCRBY visits 3');
    expect(await runText(learner, 'MULTI')).toBe('OK');
    const result = await runChallengeChecks(learner, counter);
    expect(result).toMatchObject({ passed: false, checks: [{ label: 'No open transaction', passed: false }] });
    expect(await runText(learner, 'EXEC')).toBe('(empty array)');
  });

  it('checks that keys share a cluster slot and exist', async () => {
    const learner = newLearnerId();
    const spec: ChallengeSpec = {
      id: 'test-slot',
      title: 'Same slot',
      solution: ['x'],
      checks: [{ label: 'one slot', sameSlot: ['{user:42}:profile', '{user:42}:cart'], failure: 'Use a hash tag.' }],
    };
    expect((await runChallengeChecks(learner, spec)).checks[0]).toMatchObject({
      passed: false,
      detail: expect.stringContaining('not all of'),
    });
    await runText(learner, 'HSET {user:42}:profile name Ada');
    await runText(learner, 'RPUSH {user:42}:cart sku-1');
    expect((await runChallengeChecks(learner, spec)).checks[0]).toMatchObject({
      passed: true,
      detail: expect.stringMatching(/^\{user:42\}:profile → slot (\d+), \{user:42\}:cart → slot \1$/),
    });
    const apart: ChallengeSpec = {
      ...spec,
      checks: [{ label: 'one slot', sameSlot: ['user:42:profile', 'user:42:cart'], failure: 'Use a hash tag.' }],
    };
    await runText(learner, 'SET user:42:profile x');
    await runText(learner, 'SET user:42:cart y');
    expect((await runChallengeChecks(learner, apart)).checks[0]?.passed).toBe(false);
  });
});
