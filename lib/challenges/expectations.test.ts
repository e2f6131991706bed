import { describe, expect, it } from 'vitest';
import type { Expectation } from '@/lib/content/challenge-schema';
import type { JsonReply } from '@/lib/sandbox/reply';
import { judgeReply } from './expectations';

const cases: [string, JsonReply, Expectation, boolean][] = [
  ['equals a bulk string', 'pro', { equals: 'pro' }, true],
  ['equals is exact', 'pro ', { equals: 'pro' }, false],
  ['equals an integer', { integer: '3' }, { equals: { integer: '3' } }, true],
  ['equals nil', null, { equals: null }, true],
  ['equals an ordered list', ['a', 'b'], { equals: ['a', 'b'] }, true],
  ['equals sees order', ['b', 'a'], { equals: ['a', 'b'] }, false],
  ['between includes both ends', { integer: '600' }, { between: [1, 600] }, true],
  ['between rejects -1 (no TTL)', { integer: '-1' }, { between: [1, 600] }, false],
  ['between needs an integer', '5', { between: [1, 600] }, false],
  ['matches a regex', 'user:42', { matches: '^user:\\d+$' }, true],
  ['matches fails on other text', 'user:x', { matches: '^user:\\d+$' }, false],
  ['sameMembers ignores order', ['c', 'a', 'b'], { sameMembers: ['a', 'b', 'c'] }, true],
  ['sameMembers rejects extras', ['a', 'b', 'c', 'd'], { sameMembers: ['a', 'b', 'c'] }, false],
  ['contains a subset', ['a', 'b', 'c'], { contains: ['c', 'a'] }, true],
  ['contains reports a missing member', ['a'], { contains: ['a', 'z'] }, false],
  ['length of a list', ['a', 'b'], { length: [2, 2] }, true],
  ['length of a string', 'hello', { length: [1, 4] }, false],
  [
    'error matches',
    { error: 'WRONGTYPE Operation against a key holding the wrong kind of value' },
    { error: '^WRONGTYPE' },
    true,
  ],
  ['error wanted, got a value', 'OK', { error: '.' }, false],
  ['a value wanted, got an error', { error: 'ERR no' }, { equals: 'OK' }, false],
];

describe('judgeReply', () => {
  it.each(cases)('%s', (_name, reply, expectation, passed) => {
    expect(judgeReply(reply, expectation).passed).toBe(passed);
  });

  it('says why a check failed', () => {
    expect(judgeReply({ integer: '-1' }, { between: [1, 600] })).toEqual({
      passed: false,
      reason: 'expected an integer from 1 to 600',
    });
    expect(judgeReply(['a'], { contains: ['a', 'z'] })).toEqual({ passed: false, reason: 'missing: z' });
  });
});
