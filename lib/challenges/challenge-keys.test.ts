import Redis from 'ioredis';
import { describe, expect, inject, it } from 'vitest';
import { contentLibrary } from '@/lib/content/lessons';
import type { ChallengeSpec } from '@/lib/content/challenge-schema';
import { isSandboxChallenge } from '@/lib/content/schema';
import { parseCommandLine } from '@/lib/sandbox/parse';
import { challengeKeys, keysOfCommandLine } from './challenge-keys';

describe('keysOfCommandLine', () => {
  it.each([
    ['GET visits:home', ['visits:home']],
    ['TTL "hello world"', ['hello world']],
    ['HGET user:51 email', ['user:51']],
    ['LRANGE tickets:sold 0 -1', ['tickets:sold']],
    ['XPENDING payments ledger - + 10', ['payments']],
    ['MGET a b c', ['a', 'b', 'c']],
    ['ZUNIONSTORE out 2 left right', ['out', 'left', 'right']],
    ['XREAD COUNT 1 STREAMS s1 s2 0 0', ['s1', 's2']],
    ['OBJECT ENCODING counter', ['counter']],
  ])('finds the keys of %s by the command table', (line, keys) => {
    expect(keysOfCommandLine(line)).toEqual(keys);
  });

  it.each(['KEYS *', 'DBSIZE', 'PING', 'EVAL "return 1" 0', 'NOSUCHCOMMAND x', 'GET "unbalanced'])(
    'finds none in %s (emulated, keyless, refused, unknown or unparsable)',
    (line) => {
      expect(keysOfCommandLine(line)).toEqual([]);
    },
  );
});

describe('challengeKeys', () => {
  it('takes key:, sameSlot: and run: checks, each key once, in order', () => {
    const spec: Pick<ChallengeSpec, 'checks'> = {
      checks: [
        { label: 'a string', key: 'visits:home', type: 'string', failure: 'Make it.' },
        { label: 'reads 3', run: 'GET visits:home', expect: { equals: '3' }, failure: 'Count to 3.' },
        { label: 'gone', key: 'old:key', absent: true, failure: 'Delete it.' },
        { label: 'one slot', sameSlot: ['{u:1}:a', '{u:1}:b'], failure: 'Hash tag.' },
        { label: 'members', run: 'SMEMBERS {u:1}:b', expect: { length: [1, 9] }, failure: 'Add one.' },
      ],
    };
    expect(challengeKeys(spec)).toEqual(['visits:home', 'old:key', '{u:1}:a', '{u:1}:b']);
  });

  it('names at least one key for every sandbox challenge in the lessons, so each has a reset', () => {
    const challenges = contentLibrary()
      .lessons.flatMap((lesson) => lesson.challenges ?? [])
      .filter((spec): spec is ChallengeSpec => isSandboxChallenge(spec));
    expect(challenges.length).toBeGreaterThan(0);
    expect(challenges.filter((spec) => challengeKeys(spec).length === 0).map((spec) => spec.id)).toEqual([]);
  });
});

describe('the keys of every lesson check, on the real server', () => {
  it("are exactly what Valkey's COMMAND GETKEYS finds in each run: line", async () => {
    // The app's admin user may not run COMMAND GETKEYS: a user for this test may.
    const admin = new Redis(inject('sandboxUrl'));
    const user = `challenge_keys_test_${process.pid}`;
    await admin.call('ACL', 'SETUSER', user, 'reset', 'on', '>challenge-keys-test', 'nocommands', '+command|getkeys');
    const url = new URL(inject('sandboxUrl'));
    const client = new Redis({
      host: url.hostname,
      port: Number(url.port),
      username: user,
      password: 'challenge-keys-test',
    });
    try {
      const lines = contentLibrary()
        .lessons.flatMap((lesson) => lesson.challenges ?? [])
        .filter((spec) => isSandboxChallenge(spec))
        .flatMap((spec) => spec.checks.flatMap((check) => ('run' in check ? [check.run] : [])));
      expect(lines.length).toBeGreaterThan(10);
      for (const line of lines) {
        const parsed = parseCommandLine(line);
        if (!parsed.ok) throw new Error(`a check's line does not parse: ${line}`);
        const server = (await client.call('COMMAND', 'GETKEYS', ...parsed.args)) as string[];
        expect(keysOfCommandLine(line), line).toEqual(server);
      }
    } finally {
      client.disconnect();
      await admin.call('ACL', 'DELUSER', user);
      admin.disconnect();
    }
  });
});
