/**
 * Integration, on a real redis-server 7.0: the Redis OSS engine runs through the Valkey pipeline
 * with a space of its own per learner. Isolation (keys, KEYS/SCAN/DBSIZE/FLUSHALL, the ACL user
 * itself), the hostile lines answered as on Valkey, pub/sub without a live stream, the budget, Reset, the
 * idle sweep, and the three routes with `engine: "redis"`.
 */
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { learnerCookieValue } from '@/lib/http/learner-identity';
import { learnerRequest } from '@/lib/testing/http';
import { replyText } from '@/lib/testing/sandbox';
import { holdServerWideLock } from '@/lib/testing/server-wide-lock';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { activeLearnersKey, sandboxKeyIndexKey, trustedHyperLogLogsKey } from '@/lib/valkey/keys';
import { POST as exec } from '@/app/api/sandbox/exec/route';
import { GET as keys } from '@/app/api/sandbox/keys/route';
import { POST as reset } from '@/app/api/sandbox/reset/route';
import { learnerAclRules, learnerUsername } from './acl';
import type { RespEngine } from './engine-routing';
import { commandFlags, loadedCommandFlags } from './command-flags';
import { loadCommandDocs } from './command-docs';
import { executeLine } from './execute';
import { HAND_MADE_HLL, HOSTILE_LINES } from './hostile.fixtures';
import { HYPERLOGLOG_GUARD_MESSAGE } from './hyperloglog-guard';
import { listLearnerKeys } from './key-browser';
import { newLearnerId } from './learner';
import { closeLearnerSessions, learnerSession, resetLearner, sweepIdleLearners } from './learners';
import { ConnectionLostError, LearnerConnection } from './learner-connection';
import { parseEndpoint } from '@/lib/valkey/endpoint';
import { portsOf } from '@/lib/servers/ports';
import { sandboxLimits, type SandboxLimits } from './limits';

let redis: Redis; // admin on the Redis OSS server
let valkey: Redis; // admin on the sandbox Valkey
let releaseServerWideLock: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  // This file adds the Redis OSS engine's keys to the app's server (its learners' activity, their
  // HyperLogLog lists), which the files that check the whole app server must not see appear.
  releaseServerWideLock = await holdServerWideLock(inject('appUrl'));
  redis = new Redis(inject('redisUrl'));
  valkey = new Redis(inject('sandboxUrl'));
});

afterAll(async () => {
  redis.disconnect();
  valkey.disconnect();
  closeLearnerSessions();
  await closeValkeyClients();
  await releaseServerWideLock();
});

const run = async (learner: string, line: string, engine: RespEngine = 'redis', limits = sandboxLimits()) =>
  replyText(await executeLine(learner, line, limits, undefined, engine));

describe('the Redis OSS engine', () => {
  it("runs on the Redis OSS server, in a space apart from the learner's Valkey one", async () => {
    const me = newLearnerId();
    expect(await run(me, 'SET where redis')).toBe('OK');
    expect(await run(me, 'SET where valkey', 'valkey')).toBe('OK');
    expect(await redis.get(`sb:${me}:where`)).toBe('redis');
    expect(await valkey.get(`sb:${me}:where`)).toBe('valkey');
    expect(await run(me, 'INFO server')).toMatch(/^redis_version:7\./m);
    expect(await run(me, 'DBSIZE')).toBe('(integer) 1');
    expect(await resetLearner(me, 'redis')).toBe(1);
    expect(await run(me, 'GET where', 'valkey')).toBe('"valkey"');
    expect(await resetLearner(me)).toBe(1);
  });

  it('accepts every rule of the learner ACL user (a rejected rule would fail every command)', async () => {
    for (const rule of learnerAclRules('abc123def456', 'secret', ['sb:abc123def456:n*']))
      await expect(redis.call('ACL', 'SETUSER', 'lrn_rule_probe', 'reset', rule), rule).resolves.toBe('OK');
    await redis.call('ACL', 'DELUSER', 'lrn_rule_probe');
  });

  it("reads command flags and docs from the Redis OSS server's own COMMAND INFO and DOCS", async () => {
    const flags = await commandFlags('redis');
    expect(flags.growsMemory).toContain('set');
    expect(flags.mayCreateKeys).toContain('rename');
    expect(flags.writes).not.toContain('get');
    expect(loadedCommandFlags('redis')).toBe(flags);
    // Each server words its docs its own way: Redis OSS 7.0 and Valkey 8 summarize DEL differently.
    expect((await loadCommandDocs('redis')).DEL?.summary).toBe('Delete a key');
    expect((await loadCommandDocs('valkey')).DEL?.summary).toBe('Deletes one or more keys.');
  });
});

describe('isolation on Redis OSS', () => {
  it("one learner can neither read, list nor delete another's keys", async () => {
    const alice = newLearnerId();
    const bob = newLearnerId();
    expect(await run(bob, 'MSET secret s3cr3t a 1')).toBe('OK');
    expect(await run(alice, 'SET mine 1')).toBe('OK');
    for (const [line, text] of [
      ['GET secret', '(nil)'],
      [`GET sb:${bob}:secret`, '(nil)'],
      [`DEL sb:${bob}:secret secret`, '(integer) 0'],
      ['KEYS *', '1) "mine"'],
      ['SCAN 0', '1) "0"\n2) 1) "mine"'],
      ['DBSIZE', '(integer) 1'],
      ['RANDOMKEY', '"mine"'],
      ['FLUSHALL', 'OK'],
      ['DBSIZE', '(integer) 0'],
    ])
      expect(await run(alice, line!), line).toBe(text);
    expect(await redis.mget(`sb:${bob}:secret`, `sb:${bob}:a`)).toEqual(['s3cr3t', '1']);
    expect(await run(bob, 'DBSIZE')).toBe('(integer) 2');
    await resetLearner(bob, 'redis');
  });

  it("the learner's ACL user on Redis OSS itself cannot touch another learner's keys", async () => {
    const alice = newLearnerId();
    const bob = newLearnerId();
    await run(bob, 'SET secret s3cr3t');
    await run(alice, 'PING');
    const { host, port } = parseEndpoint(inject('redisUrl'));
    const own = await LearnerConnection.open(
      { host, port, tls: false },
      learnerUsername(alice),
      learnerSession(alice, 'redis').password,
      1 << 20,
    );
    try {
      const reply = await own.send([Buffer.from('GET'), Buffer.from(`sb:${bob}:secret`)], 5_000);
      expect(reply).toMatchObject({ type: 'error', value: expect.stringMatching(/^NOPERM/) });
      const config = await own.send([Buffer.from('CONFIG'), Buffer.from('GET'), Buffer.from('*')], 5_000);
      expect(config).toMatchObject({ type: 'error', value: expect.stringMatching(/^NOPERM/) });
    } finally {
      own.close();
      await resetLearner(bob, 'redis');
    }
  });
});

/** Hostile lines whose answer is the server's own and differs between Redis OSS 7.0 and Valkey 8. */
const SERVER_DIFFERENCES: Record<string, string> = {
  // XREADGROUP … > on an empty stream creates the consumer on Valkey 8 (and Redis 7.2+), not on 7.0.
  'XINFO GROUPS sb:<bob>:orders': 'consumers 1 on Valkey, 0 on Redis OSS 7.0',
};

describe('refusals on Redis OSS', () => {
  it('answers every hostile line as the Valkey engine does, with the same messages', async () => {
    // The same lines run in the same order on both engines, so each engine's state stays alike.
    // Live lines are refused on Redis OSS on purpose (the next test).
    const alice = newLearnerId();
    const bob = newLearnerId();
    const fill = (line: string) => line.replaceAll('<alice>', alice).replaceAll('<bob>', bob);
    const differ: string[] = [];
    for (const [, line] of HOSTILE_LINES) {
      if (/SUBSCRIBE|CLIENT TRACKING on/i.test(line)) continue;
      if (SERVER_DIFFERENCES[line]) continue;
      const onValkey = await executeLine(alice, fill(line), sandboxLimits(), undefined, 'valkey');
      const onRedis = await executeLine(alice, fill(line), sandboxLimits(), undefined, 'redis');
      const text = (outcome: typeof onRedis) => (outcome.kind === 'reply' ? outcome.body.text : outcome.text);
      if (text(onRedis) !== text(onValkey))
        differ.push(`${line}\n  valkey: ${text(onValkey)}\n  redis:  ${text(onRedis)}`);
    }
    expect(differ).toEqual([]);
    await resetLearner(alice, 'redis');
    await resetLearner(alice);
  });

  // Live pub/sub itself (a console's stream on Redis OSS) is tested in live/live-redis.test.ts.
  it('pub/sub without a live stream: SUBSCRIBE asks for one, UNSUBSCRIBE answers as redis-server 7.0 does', async () => {
    const me = newLearnerId();
    for (const line of ['SUBSCRIBE news', 'PSUBSCRIBE n*', 'SSUBSCRIBE s'])
      expect(await run(me, line), line).toMatch(/^\(error\) ERR [PS]?SUBSCRIBE needs a live console/);
    expect(await run(me, 'CLIENT TRACKING on')).toBe(
      '(error) ERR CLIENT TRACKING needs a live console to deliver invalidations to.',
    );
    // Not Valkey's NOSUB refusal: Redis OSS 7.0 confirms, with nothing left.
    expect(await run(me, 'UNSUBSCRIBE')).toBe('1) "unsubscribe"\n2) (nil)\n3) (integer) 0');
    // redis-cli 7.0 prints one reply per command outside subscribe mode: the first confirmation.
    expect(await run(me, 'PUNSUBSCRIBE a b')).toBe('1) "punsubscribe"\n2) "a"\n3) (integer) 0');
    expect(await run(me, 'UNSUBSCRIBE', 'valkey')).toBe(
      "(error) NOSUB 'unsubscribe' command executed not in subscribed mode",
    );
    expect(await run(me, 'PUBLISH news hello')).toBe('(integer) 0');
    expect(await run(me, 'PUBSUB NUMPAT')).toBe('(integer) 0');
    expect(await run(me, 'CLIENT TRACKING off')).toBe('OK');
  });

  it('guards HyperLogLogs as on Valkey, with a trusted list of its own', async () => {
    const me = newLearnerId();
    expect(await run(me, 'PFADD visits a b c')).toBe('(integer) 1');
    expect(await run(me, 'PFCOUNT visits')).toBe('(integer) 3');
    expect(await run(me, `SET forged ${HAND_MADE_HLL}`)).toBe('OK');
    expect(await run(me, 'PFCOUNT forged')).toBe(`(error) ${HYPERLOGLOG_GUARD_MESSAGE}`);
    // Trusted on Redis OSS is not trusted on Valkey: the lists are apart.
    const app = new Redis(inject('appUrl'));
    expect(await app.smembers(trustedHyperLogLogsKey(me, 'redis'))).toEqual(['visits']);
    expect(await app.exists(trustedHyperLogLogsKey(me))).toBe(0);
    app.disconnect();
    await resetLearner(me, 'redis');
  });
});

describe('limits on Redis OSS', () => {
  it('refuses growing writes over the key budget, and lets the learner delete their way back', async () => {
    const me = newLearnerId();
    const limits: SandboxLimits = { ...sandboxLimits(), maxKeys: 3 };
    for (const key of ['a', 'b', 'c', 'd']) expect(await run(me, `SET ${key} 1`, 'redis', limits)).toBe('OK');
    // The next budget check weighs all four: force it now rather than 50 commands later.
    learnerSession(me, 'redis').commandsSinceBudgetCheck = Number.POSITIVE_INFINITY;
    await run(me, 'GET a', 'redis', limits);
    await expect.poll(() => learnerSession(me, 'redis').overBudget, { interval: 20 }).toMatch(/more than 3 keys/);
    expect(await run(me, 'SET e 1', 'redis', limits)).toMatch(/^\(error\) ERR your sandbox holds more than 3 keys/);
    expect(await run(me, 'GET a', 'redis', limits)).toBe('"1"');
    // The same learner's Valkey space has a budget of its own.
    expect(await run(me, 'SET e 1', 'valkey', limits)).toBe('OK');
    expect(await run(me, 'FLUSHDB', 'redis', limits)).toBe('OK');
    expect(await run(me, 'SET e 1', 'redis', limits)).toBe('OK');
    await resetLearner(me, 'redis');
    await resetLearner(me);
  });

  it('caps arguments and blocking timeouts as on Valkey', async () => {
    const me = newLearnerId();
    for (const line of ['BLPOP queue 0', 'SRANDMEMBER s -100000', 'LRANGE l 0 99999999999999999999'])
      expect(await run(me, line), line).toBe(await run(me, line, 'valkey'));
  });
});

describe('one engine hung, the other answering', () => {
  // That an abort fails the commands in flight on the hung server is lib/valkey/watchdog.test.ts's
  // (a SIGSTOPped sandbox Valkey). Aborting the shared servers' commands here would fail other files'
  // commands in flight: the abort aims at a port where no learner is connected.
  it("a watchdog's abort for another server leaves the commands in flight on Redis OSS alone", async () => {
    const me = newLearnerId();
    const waiting = executeLine(me, 'BLPOP q 5', sandboxLimits(), undefined, 'redis');
    await expect.poll(() => learnerSession(me, 'redis').connection?.isWaiting, { interval: 5 }).toBe(true);
    const elsewhere = { host: '127.0.0.1', port: portsOf('test').unusedSandbox };
    LearnerConnection.abortInFlight(new ConnectionLostError('another server hung'), elsewhere);
    await redis.rpush(`sb:${me}:q`, 'job');
    expect(replyText(await waiting)).toBe('1) "q"\n2) "job"');
    await resetLearner(me, 'redis');
  });
});

describe('Reset and the idle sweep on Redis OSS', () => {
  it("Reset deletes the learner's Redis OSS keys and index only", async () => {
    const me = newLearnerId();
    const other = newLearnerId();
    await run(me, 'RPUSH jobs a b');
    await run(me, 'SET greeting hi');
    await run(other, 'SET keep 1');
    await run(me, 'SET greeting hi', 'valkey');
    expect(await resetLearner(me, 'redis')).toBe(2);
    expect(await redis.exists(`sb:${me}:jobs`, `sb:${me}:greeting`, sandboxKeyIndexKey(me))).toBe(0);
    expect(await redis.get(`sb:${other}:keep`)).toBe('1');
    expect(await valkey.get(`sb:${me}:greeting`)).toBe('hi');
    await resetLearner(other, 'redis');
    await resetLearner(me);
  });

  it("the idle sweep removes an idle learner's Redis OSS keys and ACL user", async () => {
    const idle = newLearnerId();
    await run(idle, 'SET note hello');
    expect(await redis.call('ACL', 'GETUSER', learnerUsername(idle))).not.toBeNull();
    learnerSession(idle, 'redis').lastUsed = Date.now() - 7_200_000;
    const app = new Redis(inject('appUrl'));
    await app.zadd(activeLearnersKey('redis'), 1, idle);
    await sweepIdleLearners();
    expect(await app.zscore(activeLearnersKey('redis'), idle)).toBeNull();
    app.disconnect();
    expect(await redis.exists(`sb:${idle}:note`, sandboxKeyIndexKey(idle))).toBe(0);
    expect(await redis.call('ACL', 'GETUSER', learnerUsername(idle))).toBeNull();
  });
});

describe('the sandbox routes with engine "redis"', () => {
  const request = async (path: string, learner: string, body?: unknown) =>
    learnerRequest(path, await learnerCookieValue(learner), body);

  it('exec runs on Redis OSS, keys lists its keys, reset deletes them', async () => {
    const me = newLearnerId();
    const ran = await exec(await request('/api/sandbox/exec', me, { command: 'SET engine redis', engine: 'redis' }));
    expect(await ran.json()).toMatchObject({ ok: true, text: 'OK' });
    const listed = await keys(await request('/api/sandbox/keys?engine=redis', me));
    expect(((await listed.json()) as { keys: { name: string }[] }).keys.map((key) => key.name)).toEqual(['engine']);
    const onValkey = await keys(await request('/api/sandbox/keys', me));
    expect(((await onValkey.json()) as { keys: unknown[] }).keys).toEqual([]);
    const cleared = await reset(await request('/api/sandbox/reset', me, { engine: 'redis' }));
    expect(await cleared.json()).toEqual({ ok: true, deleted: 1 });
    expect((await listLearnerKeys(me, 'redis')).keys).toEqual([]);
  });
});
