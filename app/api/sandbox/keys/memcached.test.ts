/** The sandbox routes with engine=memcached: exec, the key list and Reset, on the real memcached. */
import { afterAll, describe, expect, it } from 'vitest';
import { learnerCookieValue } from '@/lib/http/learner-identity';
import { newLearnerId } from '@/lib/sandbox/learner';
import { closeLearnerSessions } from '@/lib/sandbox/learners';
import { closeMemcachedConnections } from '@/lib/sandbox/memcached';
import { withEnv } from '@/lib/testing/env';
import { learnerRequest } from '@/lib/testing/http';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { POST as exec } from '../exec/route';
import { POST as reset } from '../reset/route';
import { GET as keys } from './route';

afterAll(async () => {
  closeMemcachedConnections();
  closeLearnerSessions();
  await closeValkeyClients();
});

const request = async (path: string, learner: string, body?: unknown) =>
  learnerRequest(path, await learnerCookieValue(learner), body);

const run = async (learner: string, command: string, engine = 'memcached') =>
  exec(await request('/api/sandbox/exec', learner, { command, engine }));

describe('the sandbox routes with engine=memcached', () => {
  it('run entries, list and reset only Memcached keys, leaving Valkey keys alone', async () => {
    const me = newLearnerId();
    const stored = await run(me, 'set user:1 0 60 3\nada');
    expect(stored.status).toBe(200);
    expect(await stored.json()).toMatchObject({ ok: true, text: 'STORED', reply: { type: 'text', value: 'STORED' } });
    expect(await (await run(me, 'get user:1')).json()).toMatchObject({ ok: true, text: 'VALUE user:1 0 3\nada\nEND' });
    expect(await (await run(me, 'bogus')).json()).toMatchObject({ ok: false, text: 'ERROR', error: 'ERROR' });
    await run(me, 'SET user:1 valkey', 'valkey');

    const listed = await (await keys(await request('/api/sandbox/keys?engine=memcached', me))).json();
    expect(listed).toMatchObject({ ok: true, truncated: false, keys: [{ name: 'user:1', type: 'string', bytes: 3 }] });
    expect((listed as { keys: { ttl: number }[] }).keys[0]?.ttl).toBeGreaterThan(55);

    expect(await (await reset(await request('/api/sandbox/reset', me, { engine: 'memcached' }))).json()).toEqual({
      ok: true,
      deleted: 1,
    });
    expect(await (await run(me, 'get user:1')).json()).toMatchObject({ text: 'END' });
    expect(await (await run(me, 'GET user:1', 'valkey')).json()).toMatchObject({ text: '"valkey"' });
    expect(await (await keys(await request('/api/sandbox/keys', me))).json()).toMatchObject({
      keys: [{ name: 'user:1', type: 'string' }],
    });
  });

  it('refuse an unknown engine with a 400 naming the field', async () => {
    const me = newLearnerId();
    for (const response of [
      await run(me, 'version', 'mongo'),
      await keys(await request('/api/sandbox/keys?engine=mongo', me)),
      await reset(await request('/api/sandbox/reset', me, { engine: 'mongo' })),
    ]) {
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        code: 'bad_request',
        error: expect.stringContaining('"engine": must be one of valkey, redis, memcached'),
      });
    }
  });

  it('answer 503 with a clear message when memcached is down', async () => {
    await withEnv({ KEYSPACE_MEMCACHED_URL: 'memcached://127.0.0.1:1' }, async () => {
      const response = await run(newLearnerId(), 'get k');
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        code: 'unavailable',
        text: '(error) The sandbox Memcached is unavailable. Try again in a moment.',
      });
    });
  });
});
