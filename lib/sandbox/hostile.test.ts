/**
 * Integration: every hostile input of docs/reference/sandbox-security.md §5 (rows 1–40, as an
 * HTTP REPL receives them; the rows the route refuses before running anything are in
 * app/api/sandbox/exec/hostile.test.ts) and more, on the real test Valkey, with two learners.
 * Each case checks the exact answer, and after each one that Bob's keys, the sandbox server's own key and the
 * app server's data are byte-for-byte intact and both servers answer PING.
 */
import net from 'node:net';
import Redis from 'ioredis';
import { holdServerWideLock } from '@/lib/testing/server-wide-lock';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { executeLine, type ExecOutcome } from './execute';
import { HAND_MADE_HLL, HOSTILE_LINES } from './hostile.fixtures';
import { HYPERLOGLOG_GUARD_MESSAGE } from './hyperloglog-guard';
import { replyText } from '@/lib/testing/sandbox';
import { withEnv } from '@/lib/testing/env';
import { newLearnerId } from './learner';
import { sandboxKeyIndexKey } from '@/lib/valkey/keys';

const alice = newLearnerId();
const bob = newLearnerId();
const A = `sb:${alice}:`;
const B = `sb:${bob}:`;
const fill = (line: string) => line.replaceAll('<alice>', alice).replaceAll('<bob>', bob);

let sandbox: Redis; // admin on the sandbox server
let app: Redis; // admin on the app server
let subscriber: Redis;
const published: string[] = [];
const aliceSaw: string[] = [];
let bobBefore: Record<string, string>;
let appKeysBefore: string[];

async function run(learner: string, line: string): Promise<ExecOutcome> {
  const outcome = await executeLine(learner, fill(line));
  if (learner === alice) aliceSaw.push(outcome.kind === 'reply' ? outcome.body.text : outcome.text);
  return outcome;
}
async function text(learner: string, line: string): Promise<string> {
  return replyText(await run(learner, line));
}
/** Key → DUMP (value, type and encoding) of every key matching a pattern, for before/after checks. */
async function snapshot(client: Redis, pattern: string): Promise<Record<string, string>> {
  const keys = (await client.keys(pattern)).sort();
  const dumps = await Promise.all(keys.map(async (key) => (await client.dumpBuffer(key))?.toString('hex') ?? 'gone'));
  return Object.fromEntries(keys.map((key, i) => [key, dumps[i]!]));
}

let releaseServerWideLock: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  releaseServerWideLock = await holdServerWideLock(inject('appUrl'));
  sandbox = new Redis(inject('sandboxUrl'));
  app = new Redis(inject('appUrl'));
  subscriber = new Redis(inject('sandboxUrl'));
  // Every channel but other learners' (other test files run beside this one, with learners of their
  // own): whatever is not under `sb:`, and Alice's and Bob's. The patterns do not overlap, so a
  // message arrives once; a PUBLISH of Alice's still counts exactly this one receiver.
  await subscriber.psubscribe('[^s]*', 's', 's[^b]*', 'sb', 'sb[^:]*', `${A}*`, `${B}*`);
  subscriber.on('pmessage', (_pattern, channel, message) => published.push(`${channel} ${message}`));
  await sandbox.set('app:secret', 's3cr3t');
  await sandbox.mset(`${B}secret`, 's3cr3t', `${B}a`, 'bob-a');
  await sandbox.xadd(`${B}orders`, '1-1', 'item', 'book');
  await sandbox.sadd(sandboxKeyIndexKey(bob), 'secret', 'a', 'orders'); // as Bob's own writes would have indexed them
  await app.set('keyspace:test:secret', 's3cr3t');
  expect(await text(bob, 'SET note hi')).toBe('OK');
  expect(await text(alice, 'SET mine 1')).toBe('OK');
  bobBefore = await snapshot(sandbox, `${B}*`);
  appKeysBefore = (await app.keys('*')).sort();
});

afterEach(async () => {
  expect(await sandbox.ping()).toBe('PONG');
  expect(await app.ping()).toBe('PONG');
  expect(await snapshot(sandbox, `${B}*`)).toEqual(bobBefore);
  expect(await sandbox.get('app:secret')).toBe('s3cr3t');
  expect(await app.get('keyspace:test:secret')).toBe('s3cr3t');
});

afterAll(async () => {
  await app?.del('keyspace:test:secret');
  await sandbox?.del('app:secret');
  await subscriber?.quit();
  await sandbox?.quit();
  await app?.quit();
  await closeValkeyClients();
  await releaseServerWideLock();
});

describe('a hostile learner (alice) next to an innocent one (bob)', () => {
  it('KEYS, SCAN, RANDOMKEY and DBSIZE see only her own keys (rows 1, 2, 7)', async () => {
    expect(await text(alice, 'KEYS *')).toBe('1) "mine"');
    expect(await text(alice, 'KEYS sb:*')).toBe('(empty array)');
    expect(await text(alice, 'DBSIZE')).toBe('(integer) 1');
    expect(await text(alice, 'RANDOMKEY')).toBe('"mine"');
    const seen: string[] = [];
    let cursor = '0';
    do {
      const outcome = await run(alice, `SCAN ${cursor} MATCH * COUNT 1000`);
      if (outcome.kind !== 'reply') throw new Error(outcome.error);
      const [next, keys] = outcome.body.reply as [string, string[]];
      cursor = next;
      seen.push(...keys);
    } while (cursor !== '0');
    expect(seen).toEqual(['mine']);
  });

  it('FLUSHDB deletes only her own keys (row 4)', async () => {
    expect(await text(alice, 'FLUSHDB')).toBe('OK');
    expect(await text(alice, 'DBSIZE')).toBe('(integer) 0');
    expect(await text(alice, 'RANDOMKEY')).toBe('(nil)');
    expect(await text(bob, 'GET secret')).toBe('"s3cr3t"');
    expect(await text(bob, 'DBSIZE')).toBe('(integer) 4');
  });

  it('FLUSHALL, FLUSHALL ASYNC and FLUSHALL SYNC delete only her own keys (row 4)', async () => {
    for (const line of ['FLUSHALL', 'FLUSHALL ASYNC', 'FLUSHALL SYNC']) {
      expect(await text(alice, 'MSET mine 1 other 2')).toBe('OK');
      expect(await text(alice, 'DBSIZE')).toBe('(integer) 2');
      expect(await text(alice, line)).toBe('OK');
      expect(await text(alice, 'DBSIZE')).toBe('(integer) 0');
      expect(await sandbox.keys(`${A}*`)).toEqual([]);
      expect(await text(bob, 'GET secret')).toBe('"s3cr3t"');
      expect(await text(bob, 'DBSIZE')).toBe('(integer) 4');
    }
    // afterEach also checks Bob's keys byte for byte, the sandbox server's own key and the app's data.
  });

  const short = (line: string) => (line.length > 70 ? `${line.slice(0, 67)}…` : line);
  it.each(HOSTILE_LINES.map(([row, line, expected]) => [row, short(line), line, expected]))(
    'row %s: %s',
    async (_row, _title, line, expected) => {
      expect(await text(alice, line)).toBe(fill(expected));
    },
  );

  it('MSET naming both learners writes both keys into her space, double-prefixed (row 32)', async () => {
    expect(await text(alice, 'MSET sb:<alice>:a 1 sb:<bob>:a 2')).toBe('OK');
    expect(await sandbox.mget(`${A}sb:${alice}:a`, `${A}sb:${bob}:a`, `${B}a`)).toEqual(['1', '2', 'bob-a']);
    expect(await text(bob, 'GET a')).toBe('"bob-a"');
  });

  it('MULTI without EXEC keeps queueing on her own connection while Bob is unaffected (rows 27, 32)', async () => {
    expect(await text(alice, 'MULTI')).toBe('OK');
    expect(await text(alice, 'SET queued 1')).toBe('QUEUED');
    expect(await text(bob, 'GET secret')).toBe('"s3cr3t"');
    expect(await text(bob, 'SET note hi')).toBe('OK');
    expect(await text(alice, 'SET sb:<bob>:secret stolen-in-multi')).toBe('QUEUED');
    expect(await text(alice, 'KEYS *')).toBe(
      '(error) ERR KEYS cannot be queued in a sandbox transaction: run it after EXEC or DISCARD.',
    );
    expect(await text(alice, 'FLUSHALL')).toBe(
      '(error) ERR FLUSHALL cannot be queued in a sandbox transaction: run it after EXEC or DISCARD.',
    );
    expect(await text(alice, 'EXEC')).toBe('1) OK\n2) OK');
    expect(await sandbox.get(`${A}sb:${bob}:secret`)).toBe('stolen-in-multi');
    expect(await text(bob, 'MULTI')).toBe('OK');
    expect(await text(alice, 'GET queued')).toBe('"1"');
    expect(await text(bob, 'DISCARD')).toBe('OK');
  });

  it('BLPOP k 1 times out with (nil) after about 1 s without holding up Bob (row 26)', async () => {
    const started = performance.now();
    const blocked = run(alice, 'BLPOP k 1');
    const second = await run(alice, 'GET mine');
    expect(second).toMatchObject({
      kind: 'rejected',
      status: 429,
      error: 'ERR another command of yours is still running: wait for its reply.',
    });
    expect(await text(bob, 'GET secret')).toBe('"s3cr3t"');
    expect(performance.now() - started).toBeLessThan(500);
    const outcome = await blocked;
    expect(outcome.kind === 'reply' && outcome.body.text).toBe('(nil)');
    expect(performance.now() - started).toBeGreaterThan(900);
  });

  it('HyperLogLog commands work on PFADD keys and refuse a hand-made string (CVE-2025-32023)', async () => {
    expect(await text(alice, 'PFADD visitors a b c')).toBe('(integer) 1');
    expect(await text(alice, 'PFCOUNT visitors')).toBe('(integer) 3');
    expect(await text(alice, `SET h ${HAND_MADE_HLL}`)).toBe('OK');
    expect(await text(alice, 'PFCOUNT h')).toBe(`(error) ${HYPERLOGLOG_GUARD_MESSAGE}`);
    expect(await text(alice, 'PFMERGE visitors h')).toBe(`(error) ${HYPERLOGLOG_GUARD_MESSAGE}`);
    expect(await text(alice, 'APPEND visitors x')).toMatch(/^\(integer\) \d+$/);
    expect(await text(alice, 'PFCOUNT visitors')).toBe(`(error) ${HYPERLOGLOG_GUARD_MESSAGE}`);
  });

  it('the HyperLogLog guard also holds inside MULTI, where the key is written before PFCOUNT reads it', async () => {
    expect(await text(alice, 'MULTI')).toBe('OK');
    expect(await text(alice, `SET fresh ${HAND_MADE_HLL}`)).toBe('QUEUED');
    const pfcount = await text(alice, 'PFCOUNT fresh');
    expect(await text(alice, 'DISCARD')).toBe('OK');
    expect(pfcount).toBe(
      '(error) ERR PFADD, PFCOUNT and PFMERGE cannot be queued in a sandbox transaction: run them outside MULTI.',
    );
  });

  it('a reply over 1 MB is cut off with an explanation, and her next command works (row 23)', async () => {
    // 2,000 elements (under the work limit, work-limits.ts) whose reply is still over 1 MB.
    const items = Array.from({ length: 2_000 }, (_, i) => (i < 2 ? `item-${i}` : 'x'.repeat(600)));
    for (let i = 0; i < items.length; i += 10_000) await sandbox.rpush(`${A}big`, ...items.slice(i, i + 10_000));
    expect(await text(alice, 'LRANGE big 0 -1')).toBe(
      '(error) ERR reply too large for the sandbox (over 1024 KB): ask for less, for example LRANGE key 0 99.',
    );
    expect(await text(alice, 'LRANGE big 0 1')).toBe('1) "item-0"\n2) "item-1"');
  });

  it('a learner over the memory budget cannot grow it further, but can still read (row 21)', async () => {
    const carol = newLearnerId();
    await sandbox.set(`sb:${carol}:big1`, 'x'.repeat(800_000));
    await sandbox.set(`sb:${carol}:big2`, 'y'.repeat(800_000));
    await sandbox.sadd(sandboxKeyIndexKey(carol), 'big1', 'big2'); // the learner's writes would have indexed them
    await withEnv({ KEYSPACE_SANDBOX_MAX_MEMORY_BYTES: String(1024 * 1024) }, async () => {
      // The budget is weighed in the background every 20 commands (and on a learner's first).
      const over =
        /^\(error\) ERR your sandbox uses 1\.\d MB, over its 1 MB limit\. Delete some keys \(DEL, or FLUSHDB for all\) before adding more\.$/;
      await vi.waitFor(async () => expect(await text(carol, 'APPEND big1 x')).toMatch(over), { timeout: 5_000 });
      expect(await text(carol, 'SETRANGE big2 0 z')).toMatch(over);
      expect(await text(carol, 'STRLEN big2')).toBe('(integer) 800000');
    });
    await sandbox.del(`sb:${carol}:big1`, `sb:${carol}:big2`);
  });

  it('PUBLISH to a channel named after Bob reaches nobody (row 29)', async () => {
    for (const line of ['PUBLISH sb:<bob>:ch x', 'PUBLISH ch x']) {
      await run(alice, line);
      // Her channels take her prefix, like keys: Bob's name becomes a channel of hers. Its one
      // receiver is this test's own server-wide listener (every channel but other learners').
      expect(aliceSaw.at(-1)).toBe('(integer) 1');
    }
    expect(await sandbox.ping()).toBe('PONG'); // the subscriber has had a round trip to receive anything
    await vi.waitFor(() => expect(published).toHaveLength(2));
    expect(published.filter((line) => !line.startsWith(A))).toEqual([]);
  });

  it("her ACL user (the second layer) denies Bob's keys and server-wide commands", async () => {
    const user = `lrn_${alice}`;
    const dryrun = (...args: string[]) => sandbox.call('ACL', 'DRYRUN', user, ...args);
    expect(await dryrun('GET', `${A}x`)).toBe('OK');
    expect(await dryrun('SET', `${A}x`, '1')).toBe('OK');
    expect(await dryrun('GET', `${B}secret`)).toBe(`User ${user} has no permissions to access the '${B}secret' key`);
    expect(await dryrun('GET', 'app:secret')).toBe(`User ${user} has no permissions to access the 'app:secret' key`);
    expect(await dryrun('MSET', `${A}a`, '1', `${B}a`, '2')).toBe(
      `User ${user} has no permissions to access the '${B}a' key`,
    );
    expect(await dryrun('XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', `${B}orders`, '>')).toBe(
      `User ${user} has no permissions to access the '${B}orders' key`,
    );
    for (const [args, name] of [
      [['FLUSHALL'], 'flushall'],
      [['FLUSHDB'], 'flushdb'],
      [['CONFIG', 'SET', 'maxmemory', '1'], 'config|set'],
      [['KEYS', '*'], 'keys'],
      [['SCAN', '0'], 'scan'],
      [['DBSIZE'], 'dbsize'],
      [['SWAPDB', '0', '1'], 'swapdb'],
      [['CLIENT', 'KILL', 'TYPE', 'normal'], 'client|kill'],
      [['EVAL', 'return 1', '0'], 'eval'],
      [['PUBSUB', 'NUMPAT'], 'pubsub|numpat'],
      [['CLIENT', 'LIST'], 'client|list'],
      [['MEMORY', 'STATS'], 'memory|stats'],
    ] as const) {
      expect(await dryrun(...args), name).toBe(`User ${user} has no permissions to run the '${name}' command`);
    }
    expect(await dryrun('OBJECT', 'ENCODING', `${B}secret`)).toBe(
      `User ${user} has no permissions to access the '${B}secret' key`,
    );
    expect(await dryrun('PUBLISH', `${B}ch`, 'x')).toMatch(
      new RegExp(`^User ${user} has no permissions to (run the 'publish' command|access the '${B}ch' channel)$`),
    );
  });

  it('the raw server gives no rights without a password: AUTH default, HELLO AUTH and RESET (rows 8, 9)', async () => {
    const url = new URL(inject('sandboxUrl'));
    const socket = net.connect(Number(url.port), url.hostname);
    // One at a time: each reply is one short line, so one chunk.
    const ask = (args: string[]) =>
      new Promise<string>((resolve) => {
        socket.once('data', (chunk) => resolve(String(chunk).trimEnd()));
        socket.write(`*${args.length}\r\n${args.map((arg) => `$${arg.length}\r\n${arg}\r\n`).join('')}`);
      });
    const replies = [];
    for (const args of [
      ['GET', 'app:secret'],
      ['AUTH', 'default', 'x'],
      ['HELLO', '3', 'AUTH', 'default', 'x'],
      ['RESET'],
      ['GET', 'app:secret'],
    ])
      replies.push(await ask(args));
    socket.destroy();
    expect(replies).toEqual([
      '-NOAUTH Authentication required.',
      '-WRONGPASS invalid username-password pair or user is disabled.',
      '-WRONGPASS invalid username-password pair or user is disabled.',
      '+RESET',
      '-NOAUTH Authentication required.',
    ]);
  });
});

describe('after every attack', () => {
  it('nothing was read across learners, nothing reached the app data, and both servers answer', async () => {
    expect(aliceSaw.length).toBeGreaterThan(HOSTILE_LINES.length);
    expect(
      aliceSaw.filter((line) => line.includes('s3cr3t') || line.includes('bob-a') || line.includes('book')),
    ).toEqual([]);
    const bobKeys = (await text(bob, 'KEYS *')).split('\n').map((line) => line.replace(/^\d\) /, ''));
    expect(bobKeys.sort()).toEqual(['"a"', '"note"', '"orders"', '"secret"']);
    expect(await text(bob, 'GET secret')).toBe('"s3cr3t"');
    expect(await text(alice, 'PING')).toBe('PONG');
    expect(await text(alice, 'GET secret')).toBe('(nil)');
    const appKeysAfter = (await app.keys('*')).sort();
    const added = appKeysAfter.filter((key) => !appKeysBefore.includes(key));
    const removed = appKeysBefore.filter((key) => !appKeysAfter.includes(key));
    // Files running beside this one add and delete keys of their own learners (sandbox activity,
    // trusted HyperLogLog lists, drill logs, progress): only keys of Alice's, or of nobody's, count here.
    const othersLearnerKey = (key: string) =>
      /^keyspace:\{[A-Za-z0-9_-]+\}:/.test(key) && !key.startsWith(`keyspace:{${alice}}:`);
    expect(
      added.filter(
        (key) =>
          !/^keyspace:(rate:.+|sandbox:learners|sandbox:redis:learners|secret:learner-cookie)$/.test(key) &&
          !key.startsWith('test-sentinel:') &&
          !othersLearnerKey(key),
      ),
    ).toEqual([]);
    // Other test files leave sentinels in the app's data (test-sentinel:*) to prove it untouched.
    const ours = (key: string) =>
      !key.startsWith('keyspace:rate:') && !key.startsWith('test-sentinel:') && !othersLearnerKey(key);
    expect(removed.filter(ours)).toEqual([]);
    const serverOwn = (key: string) => key.startsWith('sb:') || key.startsWith('keyspace:sandbox:keys:'); // key-index.ts
    expect((await sandbox.keys('*')).filter((key) => !serverOwn(key))).toEqual(['app:secret']);
    expect(published.filter((line) => !line.startsWith(A))).toEqual([]);
  });
});
