/**
 * The HyperLogLog guard fails closed (review H3): a write whose reply never arrives still takes its
 * key off the trusted list, a timeout forgets the list, and the list is shared by every app process
 * (it lives in the app's Valkey). Only the benign HAND_MADE_HLL is used: on the raw server PFCOUNT
 * answers 0 for it, so an `(integer)` instead of the guard's error shows a bypass.
 */
import net from 'node:net';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { trustedHyperLogLogsKey } from '@/lib/valkey/keys';
import { withEnv } from '@/lib/testing/env';
import { closeSandbox, runText } from '@/lib/testing/sandbox';
import { HAND_MADE_HLL } from './hostile.fixtures';
import { HYPERLOGLOG_GUARD_MESSAGE } from './hyperloglog-guard';
import { newLearnerId } from './learner';
import { closeLearnerSessions, learnerSession, resetLearner } from './learners';

const GUARD = `(error) ${HYPERLOGLOG_GUARD_MESSAGE}`;
const TOOK_TOO_LONG =
  '(error) ERR the command took too long and was stopped. Your connection was reset, so any open MULTI was discarded.';

let app: Redis; // admin on the app server
let sandbox: Redis; // admin on the sandbox server
beforeAll(async () => {
  app = new Redis(inject('appUrl'));
  sandbox = new Redis(inject('sandboxUrl'));
  // The app's shared admin client connects now, on the real URL, so that only learner connections use the proxy below.
  expect(await runText(newLearnerId(), 'PING')).toBe('PONG');
});
afterAll(async () => {
  app.disconnect();
  sandbox.disconnect();
  await closeSandbox();
});

const trusted = async (learner: string) => (await app.smembers(trustedHyperLogLogsKey(learner))).sort();

/**
 * A TCP proxy to the sandbox Valkey that can hold replies back: commands still reach the server
 * and run there, but their replies wait (or are lost, if the app gives up first), as when the server
 * stalls past the app's 5 s timeout (review H2) and answers only after the app gave up.
 */
/**
 * A TCP proxy to the sandbox server that, once told to hold, keeps back the replies on the
 * connection that sends the hand-made HyperLogLog (the learner's own), so that the server runs the
 * write and the app never sees its reply. Other connections (the app's client, the watchdog's PING)
 * pass through, as they would when only one reply is lost.
 */
async function replyHoldingProxy() {
  const upstream = new URL(inject('sandboxUrl'));
  let holding = false;
  const held: { client: net.Socket; chunk: Buffer }[] = [];
  const heldClients = new Set<net.Socket>();
  const sockets: net.Socket[] = [];
  const proxy = net.createServer((client) => {
    const server = net.connect(Number(upstream.port), upstream.hostname);
    sockets.push(client, server);
    client.on('data', (chunk: Buffer) => {
      if (holding && chunk.includes('HYLL')) heldClients.add(client);
      server.write(chunk);
    });
    server.on('data', (chunk: Buffer) =>
      heldClients.has(client) ? held.push({ client, chunk }) : client.write(chunk),
    );
    client.on('close', () => server.destroy());
    server.on('close', () => client.destroy());
    client.on('error', () => {});
    server.on('error', () => {});
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    // The same credentials as the real URL: the app's own client and the watchdog sign in through it.
    url: Object.assign(new URL(upstream.href), { host: `127.0.0.1:${(proxy.address() as net.AddressInfo).port}` }).href,
    hold: () => (holding = true),
    /** Passes held replies on to clients still connected; the rest are lost. */
    release: () => {
      holding = false;
      heldClients.clear();
      for (const { client, chunk } of held.splice(0)) if (!client.destroyed) client.write(chunk);
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => proxy.close(resolve));
    },
  };
}

describe('the HyperLogLog guard', () => {
  it('keeps refusing a hand-made string (the control)', async () => {
    const learner = newLearnerId();
    expect(await runText(learner, 'PFADD c a')).toBe('(integer) 1');
    expect(await trusted(learner)).toEqual(['c']);
    expect(await runText(learner, `SET c ${HAND_MADE_HLL}`)).toBe('OK');
    expect(await trusted(learner)).toEqual([]);
    expect(await runText(learner, 'PFCOUNT c')).toBe(GUARD);
    const ttl = await app.ttl(trustedHyperLogLogsKey(learner));
    expect(ttl === -2 || ttl > 0).toBe(true); // never a list without an expiry
  });

  it('is not bypassed by a write whose reply never arrives (review "To test" 5)', { timeout: 30_000 }, async () => {
    const learner = newLearnerId();
    const proxy = await replyHoldingProxy();
    try {
      await withEnv({ KEYSPACE_SANDBOX_URL: proxy.url }, async () => {
        expect(await runText(learner, 'PFADD h a')).toBe('(integer) 1');
        expect(await runText(learner, 'PFADD other a')).toBe('(integer) 1');
        proxy.hold();
        expect(await runText(learner, `SET h ${HAND_MADE_HLL}`)).toBe(TOOK_TOO_LONG);
        proxy.release();
        // The SET ran on the server even though the app never saw its reply.
        expect(await sandbox.getBuffer(`sb:${learner}:h`)).toEqual(
          Buffer.from('HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xff', 'latin1'),
        );
        expect(await runText(learner, 'PFCOUNT h')).toBe(GUARD);
        // A timeout forgets the whole list: whatever else was in flight may have run too.
        expect(await runText(learner, 'PFCOUNT other')).toBe(GUARD);
        expect(await app.exists(trustedHyperLogLogsKey(learner))).toBe(0);
        expect(await runText(learner, 'PFCOUNT fresh')).toBe('(integer) 0'); // a missing key is still fine
      });
    } finally {
      await proxy.close();
    }
  });

  it('refuses a trusted key that any string write or key move replaced', async () => {
    const learner = newLearnerId();
    for (const replace of [`SETRANGE h 0 ${HAND_MADE_HLL}`, `APPEND h x`, 'SETBIT h 7 1', `RENAME src h`]) {
      await runText(learner, 'DEL h');
      expect(await runText(learner, 'PFADD h a')).toBe('(integer) 1');
      await runText(learner, `SET src ${HAND_MADE_HLL}`);
      await runText(learner, replace);
      expect(await runText(learner, 'PFCOUNT h'), replace).toBe(GUARD);
    }
    // A write of another type leaves the key trusted: the key is no string afterwards, or untouched.
    await runText(learner, 'DEL h');
    expect(await runText(learner, 'PFADD h a')).toBe('(integer) 1');
    await runText(learner, 'EXPIRE h 600');
    expect(await runText(learner, 'PFCOUNT h')).toBe('(integer) 1');
  });

  it("takes a write's keys off the list before the write is sent", async () => {
    const learner = newLearnerId();
    const proxy = await replyHoldingProxy();
    try {
      await withEnv({ KEYSPACE_SANDBOX_URL: proxy.url }, async () => {
        expect(await runText(learner, 'PFADD h a')).toBe('(integer) 1');
        expect(await runText(learner, 'PFADD other a')).toBe('(integer) 1');
        expect(await trusted(learner)).toEqual(['h', 'other']);
        proxy.hold();
        const set = runText(learner, `SET h ${HAND_MADE_HLL}`);
        // While the SET's reply is held back, h is already off the list.
        await expect.poll(async () => trusted(learner), { timeout: 2_000, interval: 20 }).toEqual(['other']);
        proxy.release();
        expect(await set).toBe('OK');
        expect(await trusted(learner)).toEqual(['other']);
        expect(await runText(learner, 'PFCOUNT h')).toBe(GUARD);
        expect(await runText(learner, 'PFCOUNT other')).toBe('(integer) 1');
      });
    } finally {
      await proxy.close();
    }
  });

  it('is shared by every app process (the state lives in the app Valkey)', async () => {
    const learner = newLearnerId();
    const sessions = (globalThis as { keyspaceLearners?: Map<string, unknown> }).keyspaceLearners;
    // Process 1 builds HyperLogLogs h and g.
    expect(await runText(learner, 'PFADD h a b')).toBe('(integer) 1');
    expect(await runText(learner, 'PFADD g a')).toBe('(integer) 1');
    const processOne = learnerSession(learner);
    // Process 2 (fresh in-process state) overwrites h with a hand-made string.
    closeLearnerSessions();
    expect(await runText(learner, `SET h ${HAND_MADE_HLL}`)).toBe('OK');
    // Back on process 1, which saw PFADD h but not the SET: it must not trust h any more.
    closeLearnerSessions();
    sessions?.set(learner, { ...processOne, connection: null, busy: false });
    expect(await runText(learner, 'PFCOUNT h')).toBe(GUARD);
    // And a process that never saw PFADD g still trusts g.
    closeLearnerSessions();
    expect(await runText(learner, 'PFCOUNT g')).toBe('(integer) 1');
  });

  it('keeps PFMERGE sources trusted and trusts its destination', async () => {
    const learner = newLearnerId();
    expect(await runText(learner, 'PFADD a x')).toBe('(integer) 1');
    expect(await runText(learner, 'PFADD b y')).toBe('(integer) 1');
    expect(await runText(learner, 'PFMERGE c a b')).toBe('OK');
    expect(await runText(learner, 'PFCOUNT a')).toBe('(integer) 1');
    expect(await runText(learner, 'PFCOUNT c')).toBe('(integer) 2');
    expect(await runText(learner, 'PFCOUNT a b c')).toBe('(integer) 2');
    expect(await trusted(learner)).toEqual(['a', 'b', 'c']);
  });

  it('is deleted with the learner on reset', async () => {
    const learner = newLearnerId();
    expect(await runText(learner, 'PFADD h a')).toBe('(integer) 1');
    expect(await app.exists(trustedHyperLogLogsKey(learner))).toBe(1);
    await resetLearner(learner);
    expect(await app.exists(trustedHyperLogLogsKey(learner))).toBe(0);
  });

  it('names its key in the learner-tagged app namespace', () => {
    expect(trustedHyperLogLogsKey('abc123def456')).toBe('keyspace:{abc123def456}:sandbox:hll');
  });
});
