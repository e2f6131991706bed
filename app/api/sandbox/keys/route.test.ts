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
import { setEnv } from '@/lib/testing/env';

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
