import { describe, expect, it } from 'vitest';
import { PatternsChallengeSpec } from '@/lib/content/lab-challenge-schema';
import { figureAt, judgePatternsCheck, meetsCondition, runPatternsChallengeChecks } from './patterns-checks';

const stampede = (strategy: string, readers: number, perExpiry: number[], errors = 0) => ({
  strategy,
  readers,
  originQueries: perExpiry.reduce((sum, each) => sum + each, 0),
  originQueriesPerExpiry: perExpiry,
  expiries: perExpiry.length,
  p50Ms: 2,
  p99Ms: 40,
  errors,
});

const spec = PatternsChallengeSpec.parse({
  id: 'stampede-one-query',
  title: 'One query per expiry',
  lab: 'patterns',
  solution: [{ stampede: { readers: 200, strategy: 'lock' } }],
  checks: [
    {
      label: 'one query per expiry with 200 readers',
      failure: 'Use a lock.',
      result: 'stampede',
      where: { readers: { min: 200 }, maxOriginQueriesPerExpiry: { max: 1 }, errors: 0 },
    },
    {
      label: 'a finished cache-aside run above 90 %',
      failure: 'Run cache-aside longer.',
      result: 'run',
      where: { state: 'done', pattern: { oneOf: ['cache-aside'] }, 'summary.hitRatio': { min: 0.9 } },
    },
  ],
});

describe('patterns challenge checks', () => {
  it('reads dotted paths and judges equality, bounds and lists', () => {
    expect(figureAt({ summary: { hitRatio: 0.93 } }, 'summary.hitRatio')).toBe(0.93);
    expect(figureAt({ summary: null }, 'summary.hitRatio')).toBeUndefined();
    expect(meetsCondition(0.93, { min: 0.9 })).toBe(true);
    expect(meetsCondition(0.89, { min: 0.9 })).toBe(false);
    expect(meetsCondition('0.95', { min: 0.9 })).toBe(false);
    expect(meetsCondition('lock', { oneOf: ['lock', 'stale'] })).toBe(true);
    expect(meetsCondition(0, 0)).toBe(true);
    expect(meetsCondition(undefined, 0)).toBe(false);
  });

  it('needs one and the same result to meet every condition, judging the worst expiry', () => {
    const check = spec.checks[0]!;
    // Two results each meet part of it: the 200-reader one had an expiry with 2 queries.
    const split = [stampede('lock', 200, [1, 2, 1]), stampede('lock', 50, [1, 1, 1])];
    const failed = judgePatternsCheck(check, split);
    expect(failed.passed).toBe(false);
    expect(failed.detail).toContain('Use a lock.');
    expect(failed.detail).toContain('maxOriginQueriesPerExpiry 2');
    const passed = judgePatternsCheck(check, [stampede('none', 200, [90, 80, 85]), stampede('stale', 250, [1, 1, 1])]);
    expect(passed).toMatchObject({ passed: true, detail: expect.stringContaining('readers 250') });
    expect(judgePatternsCheck(check, [stampede('lock', 200, [1, 1, 1], 3)]).passed).toBe(false);
  });

  it('says so when the learner has no result of that kind yet, and reads each kind once', async () => {
    const reads: string[] = [];
    const result = await runPatternsChallengeChecks('learner', spec, async (_learner, kind) => {
      reads.push(kind);
      return kind === 'run' ? [{ state: 'done', pattern: 'cache-aside', summary: { hitRatio: 0.95 } }] : [];
    });
    expect(reads).toEqual(['stampede', 'run']);
    expect(result.passed).toBe(false);
    expect(result.checks[0]).toMatchObject({
      passed: false,
      detail: expect.stringContaining('no stampede recorded yet'),
    });
    expect(result.checks[1]?.passed).toBe(true);
  });

  it('refuses a condition with neither bound and a path that is not one', () => {
    const broken = (where: unknown) =>
      PatternsChallengeSpec.safeParse({ ...spec, checks: [{ ...spec.checks[0], where }] }).success;
    expect(broken({ readers: {} })).toBe(false);
    expect(broken({ 'summary..hitRatio': 1 })).toBe(false);
    expect(broken({ 'summary.hitRatio': { min: 0.9 } })).toBe(true);
  });
});
