/** The key browser and Reset button's endpoints, and the exec route's rate limit, on real Valkey. */
import { afterAll, describe, expect, it } from 'vitest';
import { learnerCookieValue } from '@/lib/http/learner-identity';
import { newLearnerId } from '@/lib/sandbox/learner';
import { closeLearnerSessions } from '@/lib/sandbox/learners';
import { learnerRequest } from '@/lib/testing/http';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { POST as exec } from '../exec/route';
import { POST as reset } from '../reset/route';
import { GET as keys } from './route';
import { setEnv, withEnv } from '@/lib/testing/env';
import { installPeerAddressHook, PEER_ADDRESS_HEADER } from '@/lib/http/peer-address';
import { issuedCookie, learnerRequest as anonymousRequest } from '@/lib/testing/http';
import { learnerSessionCount } from '@/lib/sandbox/learners';

installPeerAddressHook();

afterAll(async () => {
  closeLearnerSessions();
  await closeValkeyClients();
});

/** A request from a learner whose id the test chose, signed as the server would. */
const request = async (path: string, learner: string, body?: unknown, headers?: Record<string, string>) =>
  learnerRequest(path, await learnerCookieValue(learner), body, headers);

const run = async (learner: string, command: string, headers?: Record<string, string>) =>
  exec(await request('/api/sandbox/exec', learner, { command }, headers));

describe('GET /api/sandbox/keys and POST /api/sandbox/reset', () => {
  it("list only the learner's keys with type, TTL and size, and reset deletes them", async () => {
    const me = newLearnerId();
    const other = newLearnerId();
    await run(me, 'SET greeting hello');
    await run(me, 'EXPIRE greeting 100');
    await run(me, 'RPUSH jobs a b');
    await run(other, 'SET not:mine 1');

    const listed = (await (await keys(await request('/api/sandbox/keys', me))).json()) as {
      ok: boolean;
      truncated: boolean;
      keys: { name: string; type: string; ttl: number; bytes: number }[];
    };
    expect(listed.ok).toBe(true);
    expect(listed.truncated).toBe(false);
    expect(listed.keys.map((key) => [key.name, key.type])).toEqual([
      ['greeting', 'string'],
      ['jobs', 'list'],
    ]);
    expect(listed.keys[0]!.ttl).toBeGreaterThan(90);
    expect(listed.keys[1]!.ttl).toBe(-1);
    expect(listed.keys[0]!.bytes).toBeGreaterThan(0);

    const resetResponse = await reset(await request('/api/sandbox/reset', me, {}));
    expect(await resetResponse.json()).toEqual({ ok: true, deleted: 2 });
    const after = (await (await keys(await request('/api/sandbox/keys', me))).json()) as { keys: unknown[] };
    expect(after.keys).toEqual([]);
    expect(((await (await run(other, 'GET not:mine')).json()) as { text: string }).text).toBe('"1"');
  });
});

describe('rate limits on POST /api/sandbox/exec', () => {
  it('answer 429 with Retry-After once a learner exceeds the burst', async () => {
    const saved = process.env.KEYSPACE_SANDBOX_RATE_PER_LEARNER;
    setEnv({ KEYSPACE_SANDBOX_RATE_PER_LEARNER: '2' });
    try {
      const me = newLearnerId();
      const headers = { 'x-forwarded-for': `10.0.0.${Math.floor(Math.random() * 250)}` };
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await run(me, 'PING', headers)).status);
      expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
      const limited = await run(me, 'PING', headers);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(((await limited.json()) as { error: string }).error).toMatch(/too many commands/);
    } finally {
      setEnv({ KEYSPACE_SANDBOX_RATE_PER_LEARNER: saved });
    }
  });
});

/** A fresh client address per test, as the peer-address hook stamps it (198.18.0.0/15 is for tests). */
const byte = () => Math.floor(Math.random() * 256);
const newAddress = () => `198.18.${byte()}.${byte()}`;

describe('the key browser and Reset without a cookie (finding M3 of issue 10)', () => {
  it('answer nothing to list or delete, issue no identity and open no sandbox session', async () => {
    const sessions = learnerSessionCount();
    const listed = await keys(anonymousRequest('/api/sandbox/keys'));
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual({ ok: true, keys: [], truncated: false });
    expect(issuedCookie(listed)).toBeUndefined();
    const reset_ = await reset(anonymousRequest('/api/sandbox/reset', undefined, {}));
    expect(reset_.status).toBe(200);
    expect(await reset_.json()).toEqual({ ok: true, deleted: 0 });
    expect(issuedCookie(reset_)).toBeUndefined();
    expect(learnerSessionCount()).toBe(sessions);
  });

  it('are rate-limited per address like commands', async () => {
    // 1/s with a burst of 2: six more requests would need over 4 s to all find a token.
    await withEnv({ KEYSPACE_SANDBOX_RATE_PER_ADDRESS: '1' }, async () => {
      const from = { [PEER_ADDRESS_HEADER]: newAddress() };
      const statuses: number[] = [];
      // A new learner each time, so that only the address bucket can refuse.
      for (let i = 0; i < 4; i++)
        statuses.push((await keys(await request('/api/sandbox/keys', newLearnerId(), undefined, from))).status);
      for (let i = 0; i < 4; i++)
        statuses.push((await reset(await request('/api/sandbox/reset', newLearnerId(), {}, from))).status);
      expect(statuses.slice(0, 2)).toEqual([200, 200]);
      expect(statuses.slice(2)).toContain(429);
      const limited = await keys(await request('/api/sandbox/keys', newLearnerId(), undefined, from));
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    });
  });

  it("do not spend the learner's commands: the key browser refreshes after every command", async () => {
    // 1/s with a burst of 2: two commands and two listings from one bucket would need 2 s.
    await withEnv({ KEYSPACE_SANDBOX_RATE_PER_LEARNER: '1' }, async () => {
      const me = newLearnerId();
      const from = { [PEER_ADDRESS_HEADER]: newAddress() };
      const statuses: number[] = [];
      for (let i = 0; i < 2; i++) {
        statuses.push((await run(me, 'PING', from)).status);
        statuses.push((await keys(await request('/api/sandbox/keys', me, undefined, from))).status);
      }
      expect(statuses).toEqual([200, 200, 200, 200]);
    });
  });
});

describe('the client address (finding M1 of issue 10)', () => {
  it('is the socket address: a different X-Forwarded-For on each request gets no fresh allowance', async () => {
    // 1/s with a burst of 2: six more requests would need over 4 s to all find a token.
    await withEnv({ KEYSPACE_SANDBOX_RATE_PER_ADDRESS: '1' }, async () => {
      const peer = newAddress();
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) {
        const headers = { [PEER_ADDRESS_HEADER]: peer, 'x-forwarded-for': `10.${byte()}.${byte()}.${byte()}` };
        statuses.push((await run(newLearnerId(), 'PING', headers)).status);
      }
      expect(statuses.slice(0, 2)).toEqual([200, 200]);
      expect(statuses.slice(2)).toContain(429);
    });
  });
});
