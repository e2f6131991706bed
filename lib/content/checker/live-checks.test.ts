/** The content checker's live pass on real Valkey: solutions must pass, empty keyspaces must fail. */
import { afterAll, describe, expect, it } from 'vitest';
import { closeSandbox } from '@/lib/testing/sandbox';
import type { ChallengeSpec } from '../schema';
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
    const problems = await problemsFor({ ...good, id: 'live-wrong', solution: ['HSET user:7 name Ada plan free', 'EXPIRE user:7 600'] });
    expect(problems).toEqual([expect.stringMatching(/^content\/lessons\/x\.mdx:9: challenge "live-wrong": the reference solution fails check "plan is pro": Set plan to pro\. \(HGET user:7 plan → "free"/)]);
  });

  it('reports checks that an empty keyspace already passes', async () => {
    const problems = await problemsFor({ ...good, id: 'live-empty', checks: [{ label: 'no lock', key: 'lock', absent: true, failure: 'Delete the lock.' }] });
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
});
