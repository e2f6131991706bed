/**
 * Pub/sub and client-side caching, live, against the real test Valkey: two consoles of one learner
 * talk to each other, another learner sees and counts nothing of theirs (and the ACL refuses what
 * the app would never send), floods are bounded with a clear message while another learner keeps
 * working, and a stream's end (abort, idle) ends its subscriptions.
 */
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeSandbox } from '@/lib/testing/sandbox';
import { sandboxKeyPrefix } from '@/lib/valkey/keys';
import { learnerUsername } from '../acl';
import { newLearnerId } from '../learner';
import { closeLearnerSessions, learnerSession } from '../learners';
import { closeLiveConsoles, liveConsole } from './live-consoles';
import { openTestStream, runFrom, type TestStream } from './live-test-helpers';

const me = newLearnerId();
const other = newLearnerId();
const A = `a-${me.slice(0, 12)}`;
const B = `b-${me.slice(0, 12)}`;
const OTHER = `o-${other.slice(0, 12)}`;
let sandbox: Redis;
let app: Redis;
/** A sentinel in the app's data (hostile.test.ts, running beside this file, ignores test-sentinel:*). */
const APP_KEY = `test-sentinel:live:${me}`;

async function stream(learner: string, consoleId: string, limits = {}): Promise<TestStream> {
  const opened = await openTestStream(learner, consoleId, limits);
  if (typeof opened === 'string') throw new Error(opened);
  await opened.next((event) => event.event === 'ready');
  return opened;
}

beforeAll(async () => {
  sandbox = new Redis(inject('sandboxUrl'));
  app = new Redis(inject('appUrl'));
  await app.set(APP_KEY, 'app data');
});

afterAll(async () => {
  closeLiveConsoles();
  expect(await app.get(APP_KEY)).toBe('app data');
  await app.del(APP_KEY);
  await runFrom(me, undefined, 'FLUSHDB');
  await runFrom(other, undefined, 'FLUSHDB');
  sandbox.disconnect();
  app.disconnect();
  await closeSandbox();
});

describe('pub/sub between two consoles of one learner', () => {
  let listener: TestStream;
  it('delivers a message, confined to the learner, printed as valkey-cli prints it', async () => {
    listener = await stream(me, A);
    const otherListener = await stream(other, OTHER);
    expect(await runFrom(me, A, 'SUBSCRIBE news')).toBe('1) "subscribe"\n2) "news"\n3) (integer) 1');
    expect(await runFrom(other, OTHER, 'SUBSCRIBE news')).toBe('1) "subscribe"\n2) "news"\n3) (integer) 1');
    expect(await runFrom(me, B, 'PUBLISH news hello')).toBe('(integer) 1');
    expect((await listener.next((e) => e.event === 'message')).text).toBe('1) "message"\n2) "news"\n3) "hello"');
    // The other learner's "news" is another channel: one subscriber each, nothing crosses.
    expect(await runFrom(other, undefined, 'PUBLISH news theirs')).toBe('(integer) 1');
    await otherListener.next((e) => e.text?.includes('theirs') === true);
    expect(listener.texts().join()).not.toContain('theirs');
    expect(otherListener.texts().join()).not.toContain('hello');
    expect(await runFrom(me, B, 'PUBSUB CHANNELS')).toBe('1) "news"');
    expect(await runFrom(me, B, 'PUBSUB NUMSUB news nobody')).toBe(
      '1) "news"\n2) (integer) 1\n3) "nobody"\n4) (integer) 0',
    );
    otherListener.abort();
  });

  it('pattern subscriptions match only the learner’s own channels', async () => {
    expect(await runFrom(me, A, 'PSUBSCRIBE n*')).toBe('1) "psubscribe"\n2) "n*"\n3) (integer) 2');
    expect(await runFrom(me, B, 'PUBSUB NUMPAT')).toBe('(integer) 1');
    expect(await runFrom(other, undefined, 'PUBSUB NUMPAT')).toBe('(integer) 0');
    await expect.poll(() => runFrom(other, undefined, 'PUBLISH news x'), { interval: 20 }).toBe('(integer) 0');
    await runFrom(me, B, 'PUBLISH notes hi');
    expect((await listener.next((e) => e.event === 'message')).text).toBe(
      '1) "pmessage"\n2) "n*"\n3) "notes"\n4) "hi"',
    );
    expect(await runFrom(other, undefined, 'PUBSUB CHANNELS *')).toBe('(empty array)');
    // The learner's session is closed and made again (ACL SETUSER … reset): the pattern's grant stays,
    // so the server keeps the subscriber connected.
    closeLearnerSessions();
    expect(await runFrom(me, B, 'PUBLISH notes again')).toBe('(integer) 1');
    expect((await listener.next((e) => e.event === 'message')).text).toContain('"again"');
    // A pattern that looks like another learner's space still starts with this learner's prefix.
    expect(await runFrom(me, A, `PSUBSCRIBE sb:*`)).toContain('"sb:*"');
    expect(await runFrom(me, A, 'PUNSUBSCRIBE')).toContain('"punsubscribe"');
    expect(await runFrom(me, B, 'PUBSUB NUMPAT')).toBe('(integer) 0');
  });

  it('sharded pub/sub: SSUBSCRIBE and SPUBLISH, smessage without the prefix', async () => {
    expect(await runFrom(me, A, 'SSUBSCRIBE shard')).toBe('1) "ssubscribe"\n2) "shard"\n3) (integer) 1');
    expect(await runFrom(me, B, 'PUBSUB SHARDCHANNELS')).toBe('1) "shard"');
    expect(await runFrom(other, undefined, 'PUBSUB SHARDNUMSUB shard')).toBe('1) "shard"\n2) (integer) 0');
    expect(await runFrom(me, B, 'SPUBLISH shard hi')).toBe('(integer) 1');
    expect((await listener.next((e) => e.event === 'message')).text).toBe('1) "smessage"\n2) "shard"\n3) "hi"');
    expect(await runFrom(me, A, 'SUNSUBSCRIBE')).toBe('1) "sunsubscribe"\n2) "shard"\n3) (integer) 0');
  });

  it('the ACL refuses channels and patterns outside the learner’s space (the second layer)', async () => {
    const url = new URL(inject('sandboxUrl'));
    const raw = new Redis({
      host: url.hostname,
      port: Number(url.port),
      username: learnerUsername(me),
      password: learnerSession(me).password,
      lazyConnect: true,
    });
    await raw.connect();
    await expect(raw.publish(`${sandboxKeyPrefix(other)}news`, 'x')).rejects.toThrow(/NOPERM/);
    await expect(raw.publish('__redis__:invalidate', 'x')).rejects.toThrow(/NOPERM/);
    // On the server, the learner's channel carries their prefix.
    expect(await raw.call('PUBSUB', 'NUMSUB', `${sandboxKeyPrefix(me)}news`)).toEqual([
      `${sandboxKeyPrefix(me)}news`,
      1,
    ]);
    // PSUBSCRIBE is checked literally (acl.c): only a pattern granted as it is passes.
    await expect(raw.call('PSUBSCRIBE', '*')).rejects.toThrow(/NOPERM/);
    raw.disconnect();
  });

  it('in subscribe mode, refuses other commands as Valkey does and answers PING with pong', async () => {
    expect(await runFrom(me, A, 'GET x')).toBe(
      "(error) ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context",
    );
    expect(await runFrom(me, A, 'PING')).toBe('1) "pong"\n2) ""');
    expect(await runFrom(me, B, 'GET x')).toBe('(nil)');
  });

  it('ends the subscriptions when the stream is aborted', async () => {
    const live = liveConsole(me, A);
    expect(live).toBeDefined();
    const connection = live!.connection;
    closeLiveConsoles();
    expect(connection.isOpen).toBe(false);
    expect(liveConsole(me, A)).toBeUndefined();
    await expect.poll(() => runFrom(me, B, 'PUBSUB NUMSUB news'), { interval: 20 }).toBe('1) "news"\n2) (integer) 0');
    expect(await runFrom(me, A, 'SUBSCRIBE news')).toMatch(/needs a live console/);
  });

  it('closes an idle stream with its reason', async () => {
    const idle = await stream(me, A, { idleSeconds: 0.2 });
    expect((await idle.next((e) => e.event === 'end')).text).toMatch(
      /closed after 0.2 s without a command or a message/,
    );
    expect(liveConsole(me, A)).toBeUndefined();
  });
});

describe('bounds, each with a clear error while another learner keeps working', () => {
  it('refuses a SUBSCRIBE of too many channels, huge patterns and names', async () => {
    await stream(me, A);
    const many = Array.from({ length: 25 }, (_, i) => `c${i}`).join(' ');
    expect(await runFrom(me, A, `SUBSCRIBE ${many}`)).toMatch(/too many subscriptions: at most 20/);
    expect(await runFrom(me, A, `PSUBSCRIBE ${'a*'.repeat(40)}`)).toMatch(/patterns are limited to 32 bytes/);
    expect(await runFrom(me, A, 'PSUBSCRIBE *a*b*c*d*')).toMatch(/at most 4 '\*'/);
    expect(await runFrom(me, A, `SUBSCRIBE ${'n'.repeat(300)}`)).toMatch(/channel names are limited/);
    expect(await runFrom(other, undefined, 'PING')).toBe('PONG');
  });

  it('refuses a live stream over the per-learner limit', async () => {
    await stream(me, B, { streamsPerLearner: 3 });
    await stream(me, `c-${me.slice(0, 12)}`, { streamsPerLearner: 3 });
    expect(await openTestStream(me, `d-${me.slice(0, 12)}`, { streamsPerLearner: 3 })).toMatch(
      /too many live consoles: at most 3/,
    );
    expect(await runFrom(other, undefined, 'PING')).toBe('PONG');
    closeLiveConsoles();
  });

  it('drops a PUBLISH flood over the per-stream rate, and says how many once', async () => {
    const listener = await stream(me, A, { messagesPerSecond: 5 });
    await runFrom(me, A, 'SUBSCRIBE flood');
    for (let i = 0; i < 30; i++) await runFrom(me, B, `PUBLISH flood m${i}`);
    const notice = await listener.next((e) => e.event === 'notice', 3_000);
    expect(notice.text).toMatch(/^\(25 messages dropped: a console shows at most 5 per second\)$/);
    expect(listener.texts()).toHaveLength(5);
    expect(await runFrom(other, undefined, 'PING')).toBe('PONG');
    closeLiveConsoles();
  });
});

describe('client-side caching', () => {
  it('delivers an invalidation of the learner’s key to the console, without the prefix', async () => {
    const listener = await stream(me, A);
    expect(await runFrom(me, A, 'CLIENT TRACKING on')).toBe('OK');
    await runFrom(me, B, 'SET cached 1');
    await runFrom(me, A, 'GET cached');
    await runFrom(other, undefined, 'SET cached 2'); // another learner's key of that name: no invalidation
    await runFrom(me, B, 'SET cached 3');
    expect((await listener.next((e) => e.event === 'message')).text).toBe(
      '1) "message"\n2) "__redis__:invalidate"\n3) 1) "cached"',
    );
    expect(listener.texts()).toHaveLength(1);
    expect(await runFrom(me, A, 'CLIENT GETREDIR')).toBe(`(integer) ${liveConsole(me, A)!.connection.id}`);
    expect(await runFrom(me, A, 'CLIENT TRACKING on REDIRECT 1')).toMatch(/REDIRECT only to your own live consoles/);
    expect(await runFrom(me, A, 'CLIENT TRACKING off')).toBe('OK');
    expect(await runFrom(me, A, 'CLIENT TRACKING on BCAST PREFIX user:')).toBe('OK');
    expect(await runFrom(me, A, 'CLIENT TRACKINGINFO')).toContain('1) "user:"');
    await runFrom(other, undefined, 'SET user:9 x');
    await runFrom(me, B, 'SET user:1 x');
    expect((await listener.next((e) => e.event === 'message')).text).toBe(
      '1) "message"\n2) "__redis__:invalidate"\n3) 1) "user:1"',
    );
    await runFrom(me, A, 'CLIENT TRACKING off');
    // BCAST without PREFIX: only the learner's own keys, never the server's.
    expect(await runFrom(me, A, 'CLIENT TRACKING on BCAST')).toBe('OK');
    await runFrom(other, undefined, 'SET elsewhere x');
    await runFrom(me, B, 'SET mine x');
    expect((await listener.next((e) => e.event === 'message')).text).toBe(
      '1) "message"\n2) "__redis__:invalidate"\n3) 1) "mine"',
    );
    expect(listener.texts().join()).not.toContain('elsewhere');
    await runFrom(me, A, 'CLIENT TRACKING off');
    closeLiveConsoles();
  });

  it('switches tracking off on the learner’s connection when the console’s stream ends, after an open MULTI', async () => {
    const listener = await stream(me, A);
    await stream(me, B);
    expect(await runFrom(me, A, 'CLIENT TRACKING on')).toBe('OK');
    const target = liveConsole(me, A)!.connection.id;
    expect(await runFrom(me, B, 'CLIENT GETREDIR')).toBe(`(integer) ${target}`);
    // Console B's stream ends: tracking redirects to A, so it stays on.
    liveConsole(me, B)!.close('closed');
    expect(await runFrom(me, B, 'CLIENT GETREDIR')).toBe(`(integer) ${target}`);
    // A MULTI is open when A's stream ends: the line must not be queued in it, so it waits for EXEC.
    expect(await runFrom(me, B, 'MULTI')).toBe('OK');
    liveConsole(me, A)!.close('closed');
    expect(await runFrom(me, B, 'SET during-multi 1')).toBe('QUEUED');
    expect(await runFrom(me, B, 'EXEC')).toBe('1) OK');
    expect((await listener.next((e) => e.event === 'end')).text).toBe(
      'closed; client-side caching that sent its invalidations here is switched off: CLIENT TRACKING on to resume',
    );
    await expect.poll(() => runFrom(me, B, 'CLIENT GETREDIR'), { interval: 20 }).toBe('(integer) -1');
    expect(await runFrom(me, B, 'CLIENT TRACKINGINFO')).toContain('1) "off"');
  });
});
