/**
 * Integration (issue 13): the data commands that take keys from options or patterns (SORT's BY,
 * GET and STORE, the numkeys forms, COPY, GEORADIUS … STORE) stay in the learner's own space, on
 * the real test Valkey with two learners. After every case Bob's keys, unprefixed keys on the
 * sandbox server (what a pattern without the prefix would reach) and the app server's data are
 * byte-for-byte intact, and no reply shows any of their values.
 */
import Redis from 'ioredis';
import { holdServerWideLock } from '@/lib/testing/server-wide-lock';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeSandbox, replyText } from '@/lib/testing/sandbox';
import { sandboxKeyIndexKey } from '@/lib/valkey/keys';
import { executeLine } from './execute';
import { newLearnerId } from './learner';

const alice = newLearnerId();
const bob = newLearnerId();
const A = `sb:${alice}:`;
const B = `sb:${bob}:`;
/** Values no reply to Alice may ever show. */
const SECRET = /s3cr3t|bob-|unprefixed-/;

let sandbox: Redis;
let app: Redis;
let bobBefore: Record<string, string>;
let unprefixedBefore: Record<string, string>;
let appBefore: Record<string, string>;

const text = async (line: string, learner = alice) =>
  replyText(await executeLine(learner, line.replaceAll('<bob>', bob).replaceAll('<B>', B)));

async function snapshot(client: Redis, keys: string[]): Promise<Record<string, string>> {
  const sorted = [...keys].sort();
  const dumps = await Promise.all(sorted.map(async (key) => (await client.dumpBuffer(key))?.toString('hex') ?? 'gone'));
  return Object.fromEntries(sorted.map((key, i) => [key, dumps[i]!]));
}
const UNPREFIXED = ['w_1', 'w_2', 'name_1', 'name_2', 'user_1', 'app:secret', 'list', 'z'];
const bobKeys = async () => snapshot(sandbox, await sandbox.keys(`${B}*`));

let releaseServerWideLock: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  releaseServerWideLock = await holdServerWideLock(inject('appUrl'));
  sandbox = new Redis(inject('sandboxUrl'));
  app = new Redis(inject('appUrl'));
  // Keys a pattern without the prefix would reach, and Bob's keys under the same names.
  await sandbox.mset(
    'w_1',
    '2',
    'w_2',
    '1',
    'name_1',
    'unprefixed-1',
    'name_2',
    'unprefixed-2',
    'app:secret',
    's3cr3t',
  );
  await sandbox.hset('user_1', 'age', 'unprefixed-age');
  await sandbox.rpush('list', 'unprefixed-item');
  await sandbox.zadd('z', 1, 'unprefixed-member');
  await app.set('keyspace:test:data-secret', 's3cr3t');
  for (const line of [
    'MSET w_1 2 w_2 1 name_1 bob-1 name_2 bob-2 secret bob-s3cr3t',
    'HSET user_1 age bob-age',
    'RPUSH ids 1 2',
    'RPUSH list bob-item',
    'ZADD zb 1 bob-member',
    'SADD sb bob-member',
  ])
    expect(await text(line, bob)).not.toMatch(/^\(error\)/);
  expect(await sandbox.scard(sandboxKeyIndexKey(bob))).toBeGreaterThan(0);
  expect(await text('RPUSH ids 1 2')).toBe('(integer) 2');
  expect(await text('ZADD za 1 a 2 b')).toBe('(integer) 2');
  bobBefore = await bobKeys();
  unprefixedBefore = await snapshot(sandbox, UNPREFIXED);
  appBefore = await snapshot(app, ['keyspace:test:data-secret']);
});

afterEach(async () => {
  expect(await bobKeys()).toEqual(bobBefore);
  expect(await snapshot(sandbox, UNPREFIXED)).toEqual(unprefixedBefore);
  expect(await snapshot(app, ['keyspace:test:data-secret'])).toEqual(appBefore);
  // Whatever Alice made is under her prefix (or is a learner's key index).
  for (const key of await sandbox.keys('*')) {
    if (UNPREFIXED.includes(key) || key.startsWith('keyspace:')) continue;
    expect(key.startsWith('sb:'), key).toBe(true);
    if (!key.startsWith(B)) expect(key.startsWith(A) || !key.includes(alice), key).toBe(true);
  }
});

afterAll(async () => {
  for (const learner of [alice, bob]) {
    const keys = await sandbox.keys(`sb:${learner}:*`);
    if (keys.length > 0) await sandbox.unlink(...keys);
  }
  await sandbox.del(...UNPREFIXED);
  await app.del('keyspace:test:data-secret');
  await sandbox.quit();
  await app.quit();
  await closeSandbox();
  await releaseServerWideLock();
});

describe('SORT BY/GET patterns name only the learner’s keys', () => {
  it.each([
    // Bob has w_*, name_*, user_* and ids under the same names; so does the server unprefixed.
    ['SORT ids BY w_* GET name_*', '1) (nil)\n2) (nil)'],
    ['SORT ids BY nosort GET # GET name_*', '1) "1"\n2) (nil)\n3) "2"\n4) (nil)'],
    ['SORT ids BY user_*->age GET user_*->age', '1) (nil)\n2) (nil)'],
    ['SORT ids GET <B>name_*', '1) (nil)\n2) (nil)'],
    ['SORT ids GET sb:*', '1) (nil)\n2) (nil)'],
    ['SORT_RO ids BY <B>w_* GET <B>secret', '1) (nil)\n2) (nil)'],
    ['SORT <B>ids', '(empty array)'],
    ['SORT ids STORE <B>ids', '(integer) 2'],
    ['SORT ids BY nosort STORE ../list', '(integer) 2'],
  ])('%s', async (line, expected) => {
    const reply = await text(line);
    expect(reply).toBe(expected);
    expect(reply).not.toMatch(SECRET);
  });

  it('elements that look like other learners’ keys stay values', async () => {
    expect(await text(`RPUSH names ${B}secret app:secret name_1`)).toBe('(integer) 3');
    expect(await text('SORT names ALPHA GET *')).toBe('1) (nil)\n2) (nil)\n3) (nil)');
    expect(await text('SORT names ALPHA GET *->age BY *')).toBe('1) (nil)\n2) (nil)\n3) (nil)');
  });
});

describe('numkeys forms, COPY and GEORADIUS … STORE stay in the learner’s space', () => {
  it.each([
    ['ZUNION 2 za <B>zb', '1) "a"\n2) "b"'],
    ['ZINTERSTORE dest 1 <B>zb', '(integer) 0'],
    ['ZDIFFSTORE dest 2 za z', '(integer) 2'],
    ['ZINTERCARD 1 <B>zb', '(integer) 0'],
    ['SINTERCARD 1 <B>sb', '(integer) 0'],
    ['LMPOP 2 <B>list list LEFT', '(nil)'],
    ['LMPOP 01 <B>list LEFT', '(error) ERR numkeys should be greater than 0'],
    ['ZMPOP 1 <B>zb MIN', '(nil)'],
    ['BLMPOP 1 1 <B>list LEFT', '(nil)'],
    // Alice's own key named like Bob's: written and read in her space.
    ['ZUNIONSTORE <B>zb 1 za', '(integer) 2'],
    ['ZMPOP 1 <B>zb MIN', `1) "${B}zb"\n2) 1) 1) "a"\n      2) "1"`],
    ['BZMPOP 1 1 z MIN', '(nil)'],
    ['ZUNION 1 za <B>zb', '(error) ERR syntax error'],
    ['COPY <B>secret mine', '(integer) 0'],
    ['COPY app:secret mine', '(integer) 0'],
    ['COPY ids <B>ids REPLACE', '(integer) 1'],
    ['COPY ids elsewhere DB 0', expect.stringMatching(/^\(error\) ERR COPY … DB is not available/)],
    ['GEOADD g 13.36 38.11 p', '(integer) 1'],
    ['GEORADIUS g 13 38 200 km STORE x STORE <B>zb STOREDIST z', '(integer) 1'],
  ])('%s', async (line, expected) => {
    const reply = await text(line);
    expect(reply).toEqual(expected);
    expect(reply).not.toMatch(SECRET);
  });

  it('wrote only Alice’s keys', async () => {
    expect(await sandbox.exists(`${A}${B}ids`, `${A}${B}zb`, `${A}z`)).toBe(3);
    expect(await sandbox.zcard(`${A}z`)).toBe(1);
    expect(await sandbox.zcard(`${A}${B}zb`)).toBe(1); // two stored, one popped by ZMPOP
  });
});
