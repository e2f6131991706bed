/** The content checker's live pass on real Valkey: solutions must pass, empty keyspaces must fail. */
import { afterAll, describe, expect, it } from 'vitest';
import { closeSandbox } from '@/lib/testing/sandbox';
import type { ChallengeSpec } from '../challenge-schema';
import { liveConsoleCount } from '@/lib/sandbox/live/live-consoles';
import { checkChallengesLive } from './live-checks';

afterAll(closeSandbox);

const good: ChallengeSpec = {
  id: 'live-good',
  title: 'A profile hash',
  solution: ['HSET user:7 name Ada plan pro', 'EXPIRE user:7 600'],
  checks: [
    { label: 'user:7 is a hash', key: 'user:7', type: 'hash', failure: 'Create user:7 with HSET.' },
    { label: 'plan is pro', run: 'HGET user:7 plan', expect: { equals: 'pro' }, failure: 'Set plan to pro.' },
    { label: 'it expires', run: 'TTL user:7', expect: { between: [1, 600] }, failure: 'Give it a TTL.' },
  ],
};

async function problemsFor(spec: ChallengeSpec): Promise<string[]> {
  const problems = await checkChallengesLive([{ file: 'content/lessons/x.mdx', line: 9, spec }]);
  return problems.map((problem) => `${problem.file}:${problem.line}: ${problem.message}`);
}

describe('content checker: challenges on a real Valkey', () => {
  it('accepts a challenge whose solution passes and whose empty keyspace fails', async () => {
    expect(await problemsFor(good)).toEqual([]);
  });

  it('reports a reference solution that fails a check, with what the server answered', async () => {
    const problems = await problemsFor({
      ...good,
      id: 'live-wrong',
      solution: ['HSET user:7 name Ada plan free', 'EXPIRE user:7 600'],
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /^content\/lessons\/x\.mdx:9: challenge "live-wrong": the reference solution fails check "plan is pro": Set plan to pro\. \(HGET user:7 plan → "free"/,
      ),
    ]);
  });

  it('reports checks that an empty keyspace already passes', async () => {
    const problems = await problemsFor({
      ...good,
      id: 'live-empty',
      checks: [{ label: 'no lock', key: 'lock', absent: true, failure: 'Delete the lock.' }],
    });
    expect(problems).toEqual([expect.stringContaining('an empty keyspace already passes every check')]);
  });

  it('reports a check command that writes, and a solution step that errors', async () => {
    const problems = await problemsFor({
      ...good,
      id: 'live-writes',
      solution: [...good.solution, 'INCR user:7'],
      checks: [...good.checks, { label: 'sneaky', run: 'SET user:8 x', expect: { equals: 'OK' }, failure: 'x' }],
    });
    expect(problems).toContainEqual(expect.stringContaining('check "sneaky" runs SET user:8 x, which writes'));
    expect(problems).toContainEqual(expect.stringContaining('solution step "INCR user:7" answered (error) WRONGTYPE'));
  });

  it('holds a live console open for a solution that SUBSCRIBEs while the subscribers checks run, then closes it', async () => {
    const listener: ChallengeSpec = {
      id: 'live-pubsub',
      title: 'Listen in one tab, publish from another',
      solution: [
        'SUBSCRIBE orders:new',
        'PSUBSCRIBE orders:*',
        'PUBLISH orders:new "order 1001"',
        'SET orders:receivers 2',
      ],
      checks: [
        {
          label: 'a console listens',
          subscribers: { channel: 'orders:new', between: [1, 1] },
          failure: 'SUBSCRIBE orders:new in one tab.',
        },
        { label: 'a pattern too', subscribers: { patterns: true }, failure: 'PSUBSCRIBE orders:* in that tab.' },
        {
          label: 'receivers noted',
          run: 'GET orders:receivers',
          expect: { equals: '2' },
          failure: 'Store what PUBLISH answered.',
        },
      ],
    };
    expect(await problemsFor(listener)).toEqual([]);
    expect(liveConsoleCount()).toBe(0);
    // Without the listener, the subscribers check fails and says what the server counted.
    const problems = await problemsFor({
      ...listener,
      id: 'live-pubsub-deaf',
      solution: ['PUBLISH orders:new "order 1001"', 'SET orders:receivers 2'],
    });
    expect(problems).toEqual([
      expect.stringContaining(
        'fails check "a console listens": SUBSCRIBE orders:new in one tab. (PUBSUB NUMSUB orders:new → 0 subscribers)',
      ),
      expect.stringContaining(
        'fails check "a pattern too": PSUBSCRIBE orders:* in that tab. (PUBSUB NUMPAT → 0 patterns)',
      ),
    ]);
  });

  it('runs a solution’s CLIENT TRACKING in the listening console, so its invalidations have somewhere to go', async () => {
    const tracking: ChallengeSpec = {
      id: 'live-tracking',
      title: 'Cache product:1 on the client',
      solution: ['SET product:1 lamp', 'CLIENT TRACKING on', 'GET product:1'],
      checks: [
        {
          label: 'tracking redirects',
          run: 'CLIENT GETREDIR',
          expect: { between: [1, 1e12] },
          failure: 'Turn tracking on.',
        },
        { label: 'product:1 set', run: 'GET product:1', expect: { equals: 'lamp' }, failure: 'SET product:1 lamp.' },
      ],
    };
    expect(await problemsFor(tracking)).toEqual([]);
    expect(liveConsoleCount()).toBe(0);
  });
});
