/** Challenge checks on real learners' keyspaces: isolation, forbidden commands, transactions, slots. */
import { afterAll, describe, expect, it } from 'vitest';
import type { ChallengeSpec } from '@/lib/content/challenge-schema';
import { recordCommandUse } from '@/lib/sandbox/command-usage';
import { newLearnerId } from '@/lib/sandbox/learner';
import { closeSandbox, runText } from '@/lib/testing/sandbox';
import { closeLiveConsoles } from '@/lib/sandbox/live/live-consoles';
import { openTestStream, runFrom } from '@/lib/sandbox/live/live-test-helpers';
import { runChallengeChecks } from './run-checks';

afterAll(async () => {
  closeLiveConsoles();
  await closeSandbox();
});

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

  it('reads a value and its TTL with a value: check', async () => {
    const session: ChallengeSpec = {
      id: 'test-session',
      title: 'A session',
      solution: ['SET session:ada ada EX 1800'],
      checks: [
        { label: 'A session', key: 'session:ada', value: { equals: 'ada' }, ttl: [1, 1800], failure: 'Store it.' },
      ],
    };
    const learner = newLearnerId();
    expect((await runChallengeChecks(learner, session)).checks[0]?.detail).toBe(
      'Store it. (GET session:ada → (nil): the reply is different)',
    );
    await runText(learner, 'SET session:ada ada');
    expect((await runChallengeChecks(learner, session)).checks[0]?.detail).toBe(
      'Store it. (no expiry: expected 1 to 1800 s)',
    );
    await runText(learner, 'EXPIRE session:ada 1800');
    expect((await runChallengeChecks(learner, session)).checks[0]).toMatchObject({
      passed: true,
      detail: expect.stringMatching(/^GET session:ada → "ada", 1[78]\d\d s to live$/),
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

describe('distinct and require', () => {
  const jitter: ChallengeSpec = {
    id: 'test-jitter',
    title: 'Jittered TTLs',
    solution: ['SET p:1 x EX 3600', 'SET p:2 x EX 3650', 'SET p:3 x EX 3700'],
    checks: [
      { label: 'TTLs differ', distinct: ['TTL p:1', 'TTL p:2', 'TTL p:3'], failure: 'Give each key its own TTL.' },
    ],
  };

  it('passes replies that all differ, and fails one TTL shared by every key', async () => {
    const learner = newLearnerId();
    for (const line of jitter.solution) await runText(learner, line);
    expect((await runChallengeChecks(learner, jitter)).checks[0]).toMatchObject({
      passed: true,
      detail: 'TTL p:1 → (integer) 3600, TTL p:2 → (integer) 3650, TTL p:3 → (integer) 3700',
    });
    const same = newLearnerId();
    for (const key of ['p:1', 'p:2', 'p:3']) await runText(same, `SET ${key} x EX 3600`);
    expect((await runChallengeChecks(same, jitter)).checks[0]).toMatchObject({
      passed: false,
      detail: expect.stringContaining('Give each key its own TTL.'),
    });
    // Missing keys all answer -2: the same reply, so an empty keyspace fails too.
    expect((await runChallengeChecks(newLearnerId(), jitter)).passed).toBe(false);
  });

  it('fails a distinct line the server answers with an error', async () => {
    const learner = newLearnerId();
    await runText(learner, 'SET n text');
    const spec: ChallengeSpec = {
      ...jitter,
      checks: [{ label: 'lengths', distinct: ['STRLEN n', 'LLEN n'], failure: 'n must be read two ways.' }],
    };
    expect((await runChallengeChecks(learner, spec)).checks[0]).toMatchObject({
      passed: false,
      detail: expect.stringContaining('WRONGTYPE'),
    });
  });

  it('requires the command that reached the goal: used since the last check that found it unmet; A|B accepts either', async () => {
    const spec: ChallengeSpec = { ...counter, id: 'test-require', forbid: undefined, require: ['INCR|INCRBY'] };
    const shortcut = newLearnerId();
    await runText(shortcut, 'INCR other');
    recordCommandUse(shortcut, 'INCR other', 1_000);
    expect((await runChallengeChecks(shortcut, spec, 2_000)).checks.at(-1)).toMatchObject({
      label: 'Solved with INCR|INCRBY',
      passed: false,
      detail: expect.stringContaining('Not solved yet'),
    });
    await runText(shortcut, 'SET visits 3');
    recordCommandUse(shortcut, 'SET visits 3', 3_000);
    const set = await runChallengeChecks(shortcut, spec, 4_000);
    expect(set.checks[0]?.passed).toBe(true);
    expect(set.checks.at(-1)).toMatchObject({ passed: false, detail: expect.stringContaining('about INCR or INCRBY') });

    const counted = newLearnerId();
    await runText(counted, 'SET visits 2');
    expect((await runChallengeChecks(counted, spec, 2_000)).passed).toBe(false);
    await runText(counted, 'incrby visits 1');
    recordCommandUse(counted, 'incrby visits 1', 3_000);
    expect((await runChallengeChecks(counted, spec, 4_000)).passed).toBe(true);
    // A later Check (after the automatic one already passed) passes too: the goal has not been unmet since.
    expect((await runChallengeChecks(counted, spec, 5_000)).passed).toBe(true);
  });
});

describe('subscribers', () => {
  const listening: ChallengeSpec = {
    id: 'test-listening',
    title: 'Listen in another tab',
    solution: ['SUBSCRIBE orders:new'],
    checks: [
      {
        label: 'one console listens',
        subscribers: { channel: 'orders:new', between: [1, 1] },
        failure: 'SUBSCRIBE in one tab.',
      },
      { label: 'and a pattern', subscribers: { patterns: true }, failure: 'PSUBSCRIBE too.' },
    ],
  };

  it("counts only the learner's own consoles listening, in range", async () => {
    const learner = newLearnerId();
    const other = newLearnerId();
    for (const [who, consoleId] of [
      [other, `o-${other.slice(0, 12)}`],
      [learner, `a-${learner.slice(0, 12)}`],
      [learner, `b-${learner.slice(0, 12)}`],
    ] as const) {
      const opened = await openTestStream(who, consoleId);
      if (typeof opened === 'string') throw new Error(opened);
      await opened.next((event) => event.event === 'ready');
    }
    // Another learner's listener on a channel of that name is not the learner's.
    await runFrom(other, `o-${other.slice(0, 12)}`, 'SUBSCRIBE orders:new');
    await runFrom(other, `o-${other.slice(0, 12)}`, 'PSUBSCRIBE orders:*');
    expect((await runChallengeChecks(learner, listening)).checks).toEqual([
      {
        label: 'one console listens',
        passed: false,
        detail: 'SUBSCRIBE in one tab. (PUBSUB NUMSUB orders:new → 0 subscribers)',
      },
      { label: 'and a pattern', passed: false, detail: 'PSUBSCRIBE too. (PUBSUB NUMPAT → 0 patterns)' },
    ]);
    await runFrom(learner, `a-${learner.slice(0, 12)}`, 'SUBSCRIBE orders:new');
    await runFrom(learner, `a-${learner.slice(0, 12)}`, 'PSUBSCRIBE orders:*');
    expect(await runChallengeChecks(learner, listening)).toEqual({
      passed: true,
      checks: [
        { label: 'one console listens', passed: true, detail: 'PUBSUB NUMSUB orders:new → 1 subscriber' },
        { label: 'and a pattern', passed: true, detail: 'PUBSUB NUMPAT → 1 pattern' },
      ],
    });
    // Two tabs listening: out of the range [1, 1].
    await runFrom(learner, `b-${learner.slice(0, 12)}`, 'SUBSCRIBE orders:new');
    expect((await runChallengeChecks(learner, listening)).checks[0]).toMatchObject({
      passed: false,
      detail: 'SUBSCRIBE in one tab. (PUBSUB NUMSUB orders:new → 2 subscribers)',
    });
    closeLiveConsoles();
  });
});
