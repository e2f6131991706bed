/**
 * The `engine` field of the three sandbox routes: a bad value is a 400 that names it, no engine
 * means Valkey, and a Redis OSS server that is missing or down is a 503 for that engine alone
 * while Valkey keeps answering. (Memcached's routes: app/api/sandbox/keys/memcached.test.ts.)
 */
import Redis from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { learnerCookieValue } from '@/lib/http/learner-identity';
import { newLearnerId } from '@/lib/sandbox/learner';
import { closeLearnerSessions } from '@/lib/sandbox/learners';
import { withEnv } from '@/lib/testing/env';
import { learnerRequest } from '@/lib/testing/http';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { activeLearnersKey } from '@/lib/valkey/keys';
import { portsOf } from '@/lib/servers/ports';
import { GET as keys } from '../keys/route';
import { POST as reset } from '../reset/route';
import { POST as exec } from './route';

afterAll(async () => {
  closeLearnerSessions();
  await closeValkeyClients();
});

const request = async (path: string, learner: string, body?: unknown) =>
  learnerRequest(path, await learnerCookieValue(learner), body);

const BAD_ENGINE = 'must be one of valkey, redis, memcached';

describe('the engine field', () => {
  it('refuses an engine it does not know with a 400 that names the field and the choices', async () => {
    const me = newLearnerId();
    const answers = [
      await exec(await request('/api/sandbox/exec', me, { command: 'PING', engine: 'mysql' })),
      await reset(await request('/api/sandbox/reset', me, { engine: 'mysql' })),
      await keys(await request('/api/sandbox/keys?engine=mysql', me)),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      const body = (await answer.json()) as { code: string; error: string };
      expect(body.code).toBe('bad_request');
      expect(body.error).toContain(`"engine": ${BAD_ENGINE}`);
    }
  });

  it('defaults to Valkey: no engine, and an empty Reset body, behave as before', async () => {
    const me = newLearnerId();
    const ran = await exec(await request('/api/sandbox/exec', me, { command: 'SET k v' }));
    expect(await ran.json()).toMatchObject({ ok: true, text: 'OK' });
    const listed = await keys(await request('/api/sandbox/keys', me));
    expect(((await listed.json()) as { keys: { name: string }[] }).keys.map((key) => key.name)).toEqual(['k']);
    const cleared = await reset(await request('/api/sandbox/reset', me, ''));
    expect(await cleared.json()).toEqual({ ok: true, deleted: 1 });
  });

  it('answers 503 for Redis OSS when it is not configured or not running, and Valkey keeps working', async () => {
    const me = newLearnerId();
    const nobodyListens = `redis://127.0.0.1:${portsOf('test').unusedSandbox}`;
    for (const url of ['', nobodyListens]) {
      await withEnv({ KEYSPACE_REDIS_URL: url }, async () => {
        await closeValkeyClients();
        const answer = await exec(await request('/api/sandbox/exec', me, { command: 'PING', engine: 'redis' }));
        expect(answer.status, url).toBe(503);
        const body = (await answer.json()) as { code: string; error: string; text: string };
        expect(body.code).toBe('engine_unavailable');
        expect(body.error).toMatch(/^The Redis OSS sandbox is not running\. Switch the console to Valkey/);
        expect(body.text).toBe(`(error) ${body.error}`);
        const listed = await keys(await request('/api/sandbox/keys?engine=redis', me));
        expect(listed.status).toBe(503);
        const onValkey = await exec(await request('/api/sandbox/exec', me, { command: 'PING' }));
        expect(await onValkey.json()).toMatchObject({ ok: true, text: 'PONG' });
      });
    }
    await closeValkeyClients();
    // Refused before it had a session there: no activity on the Redis OSS engine to sweep.
    const app = new Redis(inject('appUrl'));
    expect(await app.zscore(activeLearnersKey('redis'), me)).toBeNull();
    app.disconnect();
  });
});
