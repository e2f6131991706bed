/**
 * The Memcached engine's own rules on the real server: refusals, noreply, the mapped key limit,
 * entries it will not send, the per-learner budget, Reset, the key list, the idle sweep and a
 * down server.
 */
import Redis from 'ioredis';
import { describe, expect, inject, it } from 'vitest';
import { newLearnerId } from '@/lib/sandbox/learner';
import { learnerSession, sweepIdleLearners } from '@/lib/sandbox/learners';
import { sandboxLimits, type SandboxLimits } from '@/lib/sandbox/limits';
import { withEnv } from '@/lib/testing/env';
import {
  executeMemcachedLine,
  listMemcachedKeys,
  memcachedHealth,
  MemcachedUnavailableError,
  readMemcachedKey,
  resetMemcachedKeys,
} from './index';
import { memcachedText, rawMemcachedForFile } from './test-helpers.fixtures';

const raw = rawMemcachedForFile();

describe('Memcached refusals', () => {
  it.each([
    ['stats cachedump 1 0', "stats cachedump is refused in the sandbox: it lists every learner's keys."],
    ['stats items', 'stats items is refused in the sandbox'],
    ['stats slabs', 'stats slabs is refused'],
    ['stats detail dump', 'stats detail is refused'],
    ['stats sizes', 'stats sizes is refused'],
    ['stats conns', 'stats conns is refused'],
    ['stats settings', 'stats settings is refused'],
    ['stats reset', 'stats reset is refused'],
    ['lru_crawler metadump all', "lru_crawler is refused in the sandbox: its metadump lists every learner's keys"],
    ['slabs automove 1', 'slabs is refused'],
    ['lru mode flat', 'lru is refused'],
    ['watch', "watch is refused in the sandbox: it streams every learner's commands and keys."],
    ['cache_memlimit 1', 'cache_memlimit is refused'],
    ['verbosity 1', 'verbosity is refused'],
    ['shutdown', 'shutdown is refused in the sandbox: it would stop the server for every learner.'],
    ['quit', 'quit is refused'],
    ['misbehave', 'misbehave is refused'],
    ['debugtime 1', 'debugtime is refused'],
    ['mg key v', 'mg is refused in the sandbox: meta commands are not supported'],
    ['ms key 1', 'ms is refused'],
    ['me key', 'me is refused'],
    ['mn', 'mn is refused'],
  ])('%s', async (entry, message) => {
    const outcome = await executeMemcachedLine(newLearnerId(), entry, sandboxLimits());
    expect(outcome.kind).toBe('reply');
    if (outcome.kind !== 'reply') return;
    expect(outcome.body.ok).toBe(false);
    expect(outcome.body.text).toMatch(/^\(error\) /);
    expect(outcome.body.text).toContain(message);
  });

  it('answers an unknown command, in any case, with memcached ERROR', async () => {
    const learner = newLearnerId();
    for (const entry of ['GET k', 'Stats', 'flushall', 'HELP'])
      expect(await memcachedText(learner, entry)).toBe('ERROR');
  });

  it('refuses a NUL byte and a second line after a command that takes no data block', async () => {
    const learner = newLearnerId();
    expect(await memcachedText(learner, 'get a\u0000b')).toMatch(/^\(error\) the sandbox refuses NUL bytes/);
    expect(await memcachedText(learner, 'get a\nget b')).toMatch(/^\(error\) one command per entry/);
    expect(await memcachedText(learner, 'get a\n')).toBe('END');
    expect(await memcachedText(learner, 'set k 0 0 3')).toMatch(/^\(error\) set needs its data block of 3 bytes/);
  });
});

describe("Memcached help (the sandbox's own: memcached answers ERROR)", () => {
  it("lists the commands with their syntax, and the refused ones by name, never Valkey's", async () => {
    const outcome = await executeMemcachedLine(newLearnerId(), 'help', sandboxLimits());
    expect(outcome).toMatchObject({ kind: 'reply', body: { ok: true } });
    const text = outcome.kind === 'reply' ? outcome.body.text : '';
    expect(text).toMatch(/^\(help\) memcached has no help command/);
    expect(text).toContain('\nget key [key ...]\ngets key [key ...]\n');
    expect(text).toContain('\nset key flags exptime bytes [noreply]\n');
    expect(text).toMatch(/\nrefused in the sandbox: verbosity quit shutdown lru_crawler .* mg ms md ma mn me$/);
    expect(text).not.toMatch(/ZADD|HSET|zadd/);
  });

  it('describes one command, says why a refused one is refused, and names a typo', async () => {
    const learner = newLearnerId();
    expect(await memcachedText(learner, 'help get')).toBe(
      'get key [key ...]\nReads one or more keys: VALUE key flags bytes, the data, then END.',
    );
    expect(await memcachedText(learner, 'help lru_crawler')).toMatch(
      /^lru_crawler crawl\|metadump.*\nControls the background LRU crawler.*\nRefused in the sandbox: its metadump lists every learner's keys, and a crawl works on the whole server\.$/,
    );
    expect(await memcachedText(learner, 'help stats')).toContain('Refused here: stats cachedump, items, slabs');
    // What help says is what the console does: the same reason.
    expect(await memcachedText(learner, 'lru_crawler metadump all')).toContain(
      "its metadump lists every learner's keys, and a crawl works on the whole server.",
    );
    const typo = await executeMemcachedLine(learner, 'help GET', sandboxLimits());
    expect(typo).toMatchObject({
      kind: 'reply',
      body: { ok: false, text: '(error) memcached has no command "GET": its commands are lower case. Try "help get".' },
    });
    expect(await memcachedText(learner, 'help zadd')).toBe(
      '(error) memcached has no command "zadd". Type "help" for the list.',
    );
  });
});

describe('Memcached noreply', () => {
  it('runs the command and says memcached would have answered nothing', async () => {
    const learner = newLearnerId();
    const outcome = await executeMemcachedLine(learner, 'set k 0 0 2 noreply\nhi', sandboxLimits());
    expect(outcome).toMatchObject({
      kind: 'reply',
      body: {
        ok: true,
        text: '(noreply) memcached sends no reply to this command; without noreply it would have answered: STORED',
        reply: { type: 'text', value: '' },
      },
    });
    expect(await memcachedText(learner, 'set n 0 0 1 noreply 5')).toMatch(/answered: STORED$/);
    expect(await memcachedText(learner, 'incr n 2 noreply')).toMatch(/answered: 7$/);
    expect(await memcachedText(learner, 'touch k 100 noreply')).toMatch(/answered: TOUCHED$/);
    expect(await memcachedText(learner, 'delete k noreply')).toMatch(/answered: DELETED$/);
    expect(await memcachedText(learner, 'flush_all noreply')).toMatch(/answered: OK$/);
    expect(await memcachedText(learner, 'get k n')).toBe('END');
    expect(await memcachedText(learner, 'set k 0 0 7 noreply')).toBe('STORED'); // seven bytes of data: "noreply"
  });
});

describe('Memcached key mapping', () => {
  it('allows 234-byte keys and answers a longer one with CLIENT_ERROR and a note on the prefix', async () => {
    const learner = newLearnerId();
    const longest = 'k'.repeat(234);
    expect(await memcachedText(learner, `set ${longest} 0 0 1\nx`)).toBe('STORED');
    expect(await memcachedText(learner, `get ${longest}`)).toBe(`VALUE ${longest} 0 1\nx\nEND`);
    const note =
      "(note) the sandbox puts a 16-byte prefix on every key to keep learners apart, so keys here may be at most 234 bytes (memcached's limit is 250).";
    for (const entry of [`set ${longest}k 0 0 1\nx`, `get a ${longest}k`, `delete ${longest}k`, `incr ${longest}k 1`]) {
      const outcome = await executeMemcachedLine(learner, entry, sandboxLimits());
      expect(outcome).toMatchObject({
        kind: 'reply',
        body: {
          ok: false,
          error: 'CLIENT_ERROR bad command line format',
          text: `CLIENT_ERROR bad command line format\n${note}`,
        },
      });
    }
    // Without the note, byte for byte what memcached says for a key over 250 bytes.
    expect(await raw.send(`get ${'k'.repeat(251)}\r\n`, 'values')).toBe('CLIENT_ERROR bad command line format\r\n');
  });

  it("stores the learner's keys under their prefix on the server", async () => {
    const learner = newLearnerId();
    await memcachedText(learner, 'set user:1 0 0 3\nada');
    expect(await raw.send(`get sb:${learner}:user:1\r\n`, 'values')).toBe(
      `VALUE sb:${learner}:user:1 0 3\r\nada\r\nEND\r\n`,
    );
  });
});

describe('Memcached budget', () => {
  const small = (overrides: Partial<SandboxLimits>): SandboxLimits => ({ ...sandboxLimits(), ...overrides });

  it('refuses a new key past the key limit, and counts again once keys are gone', async () => {
    const learner = newLearnerId();
    const limits = small({ memcachedMaxKeys: 2 });
    expect(await memcachedText(learner, 'set a 0 0 1 x', limits)).toBe('STORED');
    expect(await memcachedText(learner, 'set b 0 0 1 x', limits)).toBe('STORED');
    expect(await memcachedText(learner, 'set c 0 0 1 x', limits)).toBe(
      '(error) over your Memcached budget: you hold 2 keys, the sandbox allows 2 per learner. Delete some (delete <key>, or flush_all) and try again.',
    );
    expect(await memcachedText(learner, 'set b 0 0 2 yy', limits)).toBe('STORED'); // an existing key may change
    expect(await memcachedText(learner, 'delete a', limits)).toBe('DELETED');
    expect(await memcachedText(learner, 'set c 0 0 1 x', limits)).toBe('STORED');
    // A key that expired no longer counts: the index is checked against memcached before refusing.
    await raw.send(`touch sb:${learner}:b -1\r\n`);
    expect(await memcachedText(learner, 'set d 0 0 1 x', limits)).toBe('STORED');
  });

  it('refuses a write that would pass the byte budget (names and values), appends included', async () => {
    const learner = newLearnerId();
    const limits = small({ memcachedMaxBytes: 20 });
    expect(await memcachedText(learner, 'set k 0 0 10\n0123456789', limits)).toBe('STORED');
    expect(await memcachedText(learner, 'append k 0 0 5\nabcde', limits)).toBe('STORED'); // 1 + 15 bytes
    expect(await memcachedText(learner, 'append k 0 0 5\nabcde', limits)).toMatch(
      /^\(error\) over your Memcached budget: your keys would take 21 bytes \(names and values\), the sandbox allows 20 per learner/,
    );
    expect(await memcachedText(learner, 'get k', limits)).toBe('VALUE k 0 15\n0123456789abcde\nEND');
    expect(await memcachedText(learner, 'set k 0 0 1\nx', limits)).toBe('STORED');
    expect(await memcachedText(learner, 'set other 0 0 10\n0123456789', limits)).toBe('STORED');
  });

  it('reserves room for the digits incr may add, and refuses past the budget keeping the value', async () => {
    const learner = newLearnerId();
    const limits = small({ memcachedMaxBytes: 25 });
    expect(await memcachedText(learner, 'set n 0 0 1 5', limits)).toBe('STORED'); // n5: 2 bytes
    expect(await memcachedText(learner, `set pad 0 0 19 ${'x'.repeat(19)}`, limits)).toBe('STORED'); // 24 in all
    expect(await memcachedText(learner, 'incr n 4', limits)).toBe('9'); // written in place: still 24
    expect(await memcachedText(learner, 'incr n 1', limits)).toBe('10'); // one digit more: 25
    const refusal =
      '(error) over your Memcached budget: your keys would take 26 bytes (names and values), the sandbox allows 25 per learner. Delete some (delete <key>, or flush_all) and try again.';
    expect(await memcachedText(learner, 'incr n 90', limits)).toBe(refusal);
    expect(await memcachedText(learner, 'incr n 90 noreply', limits)).toBe(refusal);
    expect(await memcachedText(learner, 'incr n 90 extra', limits)).toBe(refusal); // memcached would run it
    expect(await raw.send(`get sb:${learner}:n\r\n`, 'values')).toBe(`VALUE sb:${learner}:n 0 2\r\n10\r\nEND\r\n`);
    // decr never lengthens a value (memcached pads it in place); a 64-bit wrap is counted exactly.
    expect(await memcachedText(learner, 'decr n 5', limits)).toBe('5');
    expect(await memcachedText(learner, 'incr n 18446744073709551615', limits)).toBe('4');
    expect(await memcachedText(learner, 'delete pad', limits)).toBe('DELETED');
    expect(await memcachedText(learner, 'incr n 18446744073709551610', limits)).toBe('18446744073709551614');
    expect(await memcachedText(learner, 'stats', limits)).toContain('STAT curr_items 1\nSTAT bytes 21\n');
    expect((await listMemcachedKeys(learner)).keys).toMatchObject([{ name: 'n', bytes: 20 }]);
  });

  it('refuses an entry past the line limit with a 413', async () => {
    const outcome = await executeMemcachedLine(
      newLearnerId(),
      `set k 0 0 40 ${'x'.repeat(40)}`,
      small({ maxLineBytes: 32 }),
    );
    expect(outcome).toMatchObject({ kind: 'rejected', status: 413 });
  });
});

describe('Memcached keys, Reset and the idle sweep', () => {
  it("lists the learner's keys sorted with type, TTL and value bytes, reads one, and resets them", async () => {
    const learner = newLearnerId();
    await memcachedText(learner, 'set b 3 100 5\nhello');
    await memcachedText(learner, 'set a 0 0 2\nhi');
    await memcachedText(learner, 'add a 0 0 1\nx'); // NOT_STORED keeps a's size
    await memcachedText(learner, 'set gone 0 0 1\nx');
    await memcachedText(learner, 'delete gone');
    const { keys, truncated } = await listMemcachedKeys(learner);
    expect(truncated).toBe(false);
    expect(keys.map(({ name, type, bytes }) => ({ name, type, bytes }))).toEqual([
      { name: 'a', type: 'string', bytes: 2 },
      { name: 'b', type: 'string', bytes: 5 },
    ]);
    expect(keys[0]?.ttl).toBe(-1);
    expect(keys[1]?.ttl).toBeGreaterThan(95);
    expect(await readMemcachedKey(learner, 'b')).toMatchObject({ value: 'hello', flags: 3 });
    expect(await readMemcachedKey(learner, 'nothere')).toBeNull();
    expect(await resetMemcachedKeys(learner)).toBe(2);
    expect((await listMemcachedKeys(learner)).keys).toEqual([]);
    expect(await raw.send(`get sb:${learner}:a\r\n`, 'values')).toBe('END\r\n');
  });

  it("removes an idle learner's Memcached keys in the idle sweep and keeps an active learner's", async () => {
    const idle = newLearnerId();
    const active = newLearnerId();
    await memcachedText(idle, 'set note 0 0 5\nhello');
    await memcachedText(active, 'set note 0 0 4\nmine');
    // As in learners.test.ts: only this learner may look old enough to be swept (score 1).
    learnerSession(idle).lastUsed = Date.now() - 7_200_000;
    const app = new Redis(inject('appUrl'));
    await app.zadd('keyspace:sandbox:learners', 1, idle);
    app.disconnect();
    expect(await sweepIdleLearners()).toBeGreaterThanOrEqual(1);
    expect(await raw.send(`get sb:${idle}:note\r\n`, 'values')).toBe('END\r\n');
    expect(await memcachedText(active, 'get note')).toBe('VALUE note 0 4\nmine\nEND');
  });
});

describe('Memcached health and a down server', () => {
  it('reports the version, and a down server as unavailable (a 503 for the console)', async () => {
    expect(await memcachedHealth()).toEqual({ ok: true, version: expect.stringMatching(/^1\.6\.\d+$/) });
    await withEnv({ KEYSPACE_MEMCACHED_URL: 'memcached://127.0.0.1:1' }, async () => {
      expect((await memcachedHealth()).ok).toBe(false);
      const error = await executeMemcachedLine(newLearnerId(), 'get k', sandboxLimits()).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(MemcachedUnavailableError);
      expect(error).toMatchObject({
        status: 503,
        message: 'The sandbox Memcached is unavailable. Try again in a moment.',
      });
    });
    expect(await memcachedText(newLearnerId(), 'version')).toMatch(/^VERSION 1\.6\.\d+$/);
  });
});
