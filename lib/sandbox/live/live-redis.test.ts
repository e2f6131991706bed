/**
 * Live pub/sub on the Redis OSS engine, against the real redis-server 7.0 of Vitest's global setup:
 * a console's stream there owns a subscriber connection on the Redis server, confined as on Valkey
 * (channels with the learner's prefix, their own ACL user there, patterns granted one by one), and
 * printed as redis-cli prints it. Nothing crosses between learners or between the two engines, and
 * every way a stream ends (abort, idle, a switch to Valkey, the learner's idle sweep) leaves no
 * subscriber on the server.
 */
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeSandbox } from '@/lib/testing/sandbox';
import { activeLearnersKey } from '@/lib/valkey/keys';
import { learnerUsername } from '../acl';
import { newLearnerId } from '../learner';
import { closeLearnerSessions, learnerSession, resetLearner, sweepIdleLearners } from '../learners';
import { closeLiveConsoles, liveConsole } from './live-consoles';
import { openTestStream, runFrom, type TestStream } from './live-test-helpers';
import type { LiveLimits } from './live-limits';

const me = newLearnerId();
const other = newLearnerId();
const A = `ra-${me.slice(0, 12)}`;
const B = `rb-${me.slice(0, 12)}`;
const V = `rv-${me.slice(0, 12)}`;
const OTHER = `ro-${other.slice(0, 12)}`;
let raw: Redis; // the learner's own ACL user on the Redis OSS server, as a client of theirs

const onRedis = (learner: string, consoleId: string | undefined, line: string) =>
  runFrom(learner, consoleId, line, 'redis');

async function stream(
  learner: string,
  consoleId: string,
  engine: 'valkey' | 'redis' = 'redis',
  limits: Partial<LiveLimits> = {},
): Promise<TestStream> {
  const opened = await openTestStream(learner, consoleId, limits, engine);
  if (typeof opened === 'string') throw new Error(opened);
  await opened.next((event) => event.event === 'ready');
  return opened;
}

/**
 * Whether the Redis server still has a client with this id. The app's admin user may not run
 * CLIENT LIST (lib/servers/admin-commands.ts), so the server is asked another way: a REDIRECT to
 * a client id that is gone is refused ("does not exist"), from the learner's own ACL user.
 */
async function redisHasClient(id: string): Promise<boolean> {
  try {
    await raw.call('CLIENT', 'TRACKING', 'on', 'REDIRECT', id);
  } catch (error) {
    if (/does not exist/.test((error as Error).message)) return false;
    throw error;
  }
  await raw.call('CLIENT', 'TRACKING', 'off');
  return true;
}

const subscriberId = (consoleId: string) => liveConsole(me, consoleId, 'redis')!.connection.id;

beforeAll(async () => {
  // Signs the learner's Redis ACL user in (a command makes their session there).
  expect(await onRedis(me, undefined, 'PING')).toBe('PONG');
  const url = new URL(inject('redisUrl'));
  raw = new Redis({
    host: url.hostname,
    port: Number(url.port),
    username: learnerUsername(me),
    password: learnerSession(me, 'redis').password,
    enableReadyCheck: false, // the learner's user may not run INFO
  });
});

afterAll(async () => {
  closeLiveConsoles();
  await resetLearner(me, 'redis');
  await resetLearner(other, 'redis');
  raw.disconnect();
  await closeSandbox();
});

describe('live pub/sub on Redis OSS', () => {
  let listener: TestStream;
  it('delivers a message to the learner’s Redis console only, printed as redis-cli prints it', async () => {
    listener = await stream(me, A);
    const otherListener = await stream(other, OTHER);
    const valkeyListener = await stream(me, V, 'valkey');
    expect(await onRedis(me, A, 'SUBSCRIBE news')).toBe('1) "subscribe"\n2) "news"\n3) (integer) 1');
    expect(await onRedis(other, OTHER, 'SUBSCRIBE news')).toBe('1) "subscribe"\n2) "news"\n3) (integer) 1');
    expect(await runFrom(me, V, 'SUBSCRIBE news')).toBe('1) "subscribe"\n2) "news"\n3) (integer) 1');
    // The subscriber connection is a client of the Redis server, which the Valkey one is not.
    const redisId = subscriberId(A);
    expect(await redisHasClient(redisId)).toBe(true);

    expect(await onRedis(me, B, 'PUBLISH news hello')).toBe('(integer) 1');
    expect((await listener.next((e) => e.event === 'message')).text).toBe('1) "message"\n2) "news"\n3) "hello"');
    expect(await onRedis(other, undefined, 'PUBLISH news theirs')).toBe('(integer) 1');
    await otherListener.next((e) => e.text?.includes('theirs') === true);
    expect(await runFrom(me, B, 'PUBLISH news from-valkey')).toBe('(integer) 1');
    await valkeyListener.next((e) => e.text?.includes('from-valkey') === true);
    // Each engine's subscriber heard its own engine's PUBLISH, and each learner only their own.
    expect(listener.texts()).toEqual(['1) "message"\n2) "news"\n3) "hello"']);
    expect(otherListener.texts().join()).not.toContain('hello');
    expect(valkeyListener.texts().join()).not.toMatch(/hello|theirs/);
    expect(await onRedis(me, B, 'PUBSUB NUMSUB news')).toBe('1) "news"\n2) (integer) 1');
    otherListener.abort();
    valkeyListener.abort();
  });

  it('patterns (granted on the Redis ACL user), shard channels, and subscribe mode, as on Valkey', async () => {
    expect(await onRedis(me, A, 'PSUBSCRIBE n*')).toBe('1) "psubscribe"\n2) "n*"\n3) (integer) 2');
    expect(await onRedis(me, B, 'PUBSUB NUMPAT')).toBe('(integer) 1');
    expect(await runFrom(me, B, 'PUBSUB NUMPAT')).toBe('(integer) 0'); // Valkey's patterns are Valkey's
    expect(await onRedis(me, B, 'PUBLISH notes hi')).toBe('(integer) 1');
    expect((await listener.next((e) => e.event === 'message')).text).toBe(
      '1) "pmessage"\n2) "n*"\n3) "notes"\n4) "hi"',
    );
    // The session is closed and made again (ACL SETUSER … reset on redis-server 7.0): the pattern's
    // grant stays, so the server keeps the subscriber connected.
    closeLearnerSessions();
    expect(await onRedis(me, B, 'PUBLISH notes again')).toBe('(integer) 1');
    expect((await listener.next((e) => e.event === 'message')).text).toContain('"again"');
    expect(await onRedis(me, A, 'SSUBSCRIBE shard')).toBe('1) "ssubscribe"\n2) "shard"\n3) (integer) 1');
    expect(await onRedis(me, B, 'SPUBLISH shard hi')).toBe('(integer) 1');
    expect((await listener.next((e) => e.event === 'message')).text).toBe('1) "smessage"\n2) "shard"\n3) "hi"');
    expect(await onRedis(me, A, 'GET x')).toBe(
      "(error) ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context",
    );
    expect(await onRedis(me, A, 'PING')).toBe('1) "pong"\n2) ""');
    expect(await onRedis(me, A, 'PUNSUBSCRIBE')).toBe('1) "punsubscribe"\n2) "n*"\n3) (integer) 1');
    expect(await onRedis(me, A, 'SUNSUBSCRIBE')).toBe('1) "sunsubscribe"\n2) "shard"\n3) (integer) 0');
    // The Valkey engine has no stream for this console: there it is an ordinary connection.
    expect(await runFrom(me, A, 'GET x')).toBe('(nil)');
  });

  it('client-side caching redirects to the Redis console, only for the learner’s keys', async () => {
    expect(await onRedis(me, A, 'UNSUBSCRIBE')).toBe('1) "unsubscribe"\n2) "news"\n3) (integer) 0');
    expect(await onRedis(me, A, 'CLIENT TRACKING on')).toBe('OK');
    await onRedis(me, A, 'GET cached');
    await onRedis(other, undefined, 'SET cached 2');
    await runFrom(me, B, 'SET cached 2'); // the Valkey key of that name: another server
    await onRedis(me, B, 'SET cached 3');
    expect((await listener.next((e) => e.event === 'message')).text).toBe(
      '1) "message"\n2) "__redis__:invalidate"\n3) 1) "cached"',
    );
    expect(await onRedis(me, A, 'CLIENT GETREDIR')).toBe(`(integer) ${liveConsole(me, A, 'redis')!.connection.id}`);
    expect(await onRedis(me, A, 'CLIENT TRACKING on REDIRECT 1')).toMatch(/REDIRECT only to your own live consoles/);
  });

  it('a stream’s abort closes its Redis subscriber and switches the tracking off', async () => {
    const id = subscriberId(A);
    listener.abort();
    expect(liveConsole(me, A)).toBeUndefined();
    await expect.poll(() => redisHasClient(id), { interval: 20 }).toBe(false);
    await expect.poll(() => onRedis(me, B, 'CLIENT GETREDIR'), { interval: 20 }).toBe('(integer) -1');
    expect(await onRedis(me, A, 'SUBSCRIBE news')).toMatch(/needs a live console/);
  });

  it('an idle stream and a console switched to Valkey leave no subscriber on the Redis server', async () => {
    const idle = await stream(me, A, 'redis', { idleSeconds: 0.2 });
    const idleId = subscriberId(A);
    await onRedis(me, A, 'SUBSCRIBE news');
    expect((await idle.next((e) => e.event === 'end')).text).toMatch(/closed after 0.2 s without a command/);
    await expect.poll(() => redisHasClient(idleId), { interval: 20 }).toBe(false);

    const switched = await stream(me, A);
    const switchedId = subscriberId(A);
    await onRedis(me, A, 'SUBSCRIBE news');
    expect(await redisHasClient(switchedId)).toBe(true);
    await stream(me, A, 'valkey');
    expect((await switched.next((e) => e.event === 'end')).text).toBe('this console switched to Valkey');
    await expect.poll(() => redisHasClient(switchedId), { interval: 20 }).toBe(false);
    expect(await onRedis(me, B, 'PUBSUB NUMSUB news')).toBe('1) "news"\n2) (integer) 0');
    expect(liveConsole(me, A, 'valkey')).toBeDefined();
    closeLiveConsoles();
  });

  it('the idle sweep of a Redis OSS learner ends their live console there', async () => {
    const idle = newLearnerId();
    const consoleId = `ri-${idle.slice(0, 12)}`;
    const listening = await stream(idle, consoleId);
    expect(await onRedis(idle, consoleId, 'SUBSCRIBE news')).toContain('"subscribe"');
    const id = liveConsole(idle, consoleId, 'redis')!.connection.id;
    learnerSession(idle, 'redis').lastUsed = Date.now() - 7_200_000;
    const app = new Redis(inject('appUrl'));
    await app.zadd(activeLearnersKey('redis'), 1, idle);
    await sweepIdleLearners();
    app.disconnect();
    // ACL DELUSER disconnects the learner's subscriber: the stream says so and the server has no such client.
    expect((await listening.next((e) => e.event === 'end')).text).toMatch(/^the live connection closed/);
    expect(liveConsole(idle, consoleId)).toBeUndefined();
    expect(await redisHasClient(id)).toBe(false);
  });
});
