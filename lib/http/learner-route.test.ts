/** The route frame: what a route's failure becomes on the wire, on real Valkey. */
import Redis from 'ioredis';
import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { AppError } from '@/lib/errors';
import { issuedCookie, learnerRequest } from '@/lib/testing/http';
import { closeValkeyClients, getValkey } from '@/lib/valkey/connections';
import { LEARNER_HEADER } from './api-client';
import { handleLearnerRequest } from './learner-route';
import { jsonOk } from './response';

afterAll(closeValkeyClients);

const FAILURE = 'Could not do the test thing. Try again.';
const run = (work: () => Promise<never>) => handleLearnerRequest(learnerRequest('/api/test'), 'test', FAILURE, work);

describe('handleLearnerRequest', () => {
  it('answers an AppError with the status of its code, its message, Retry-After, and the new learner cookie', async () => {
    const response = await run(() =>
      Promise.reject(
        new AppError('rate_limited', 'ERR slow down.', { retryAfterSeconds: 7, text: '(error) ERR slow down.' }),
      ),
    );
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      ok: false,
      code: 'rate_limited',
      error: 'ERR slow down.',
      text: '(error) ERR slow down.',
    });
    expect(issuedCookie(response)).toBeDefined();

    const missing = await run(() => Promise.reject(new AppError('not_found', 'There is no such thing.')));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ ok: false, code: 'not_found', error: 'There is no such thing.' });
  });

  it("says whether the browser now holds a learner cookie, so the page's API client may send calls side by side", async () => {
    const ok = () => Promise.resolve(jsonOk({ done: true }));
    const issued = await handleLearnerRequest(learnerRequest('/api/test'), 'test', FAILURE, ok);
    expect(issued.headers.get(LEARNER_HEADER)).toBe('known');
    const withheld = await handleLearnerRequest(learnerRequest('/api/test'), 'test', FAILURE, ok, {
      issueIdentity: false,
    });
    expect(withheld.headers.get(LEARNER_HEADER)).toBe('none');
    expect(issuedCookie(withheld)).toBeUndefined();
  });

  it('answers anything unexpected with a short 500 and logs it with the route', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const response = await run(() => Promise.reject(new TypeError('x is undefined')));
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ ok: false, code: 'internal', error: FAILURE });
      expect(log).toHaveBeenCalledWith('[test]', expect.any(TypeError));
    } finally {
      log.mockRestore();
    }
  });

  it('answers a Valkey connection that drops during the request with 503, not 500', async () => {
    const app = await getValkey('app');
    const id = await app.client('ID');
    const admin = new Redis(inject('appUrl'));
    try {
      const response = await handleLearnerRequest(learnerRequest('/api/test'), 'test', FAILURE, async () => {
        const closed = new Promise((resolve) => app.once('close', resolve));
        await admin.client('KILL', 'ID', String(id));
        await closed;
        return jsonOk({ ok: true, value: await app.get('keyspace:test:frame') });
      });
      expect(response.status).toBe(503);
      const body = (await response.json()) as { code: string; error: string; text: string };
      expect(body).toMatchObject({
        ok: false,
        code: 'unavailable',
        error: expect.stringContaining('lost its connection to Valkey'),
      });
      expect(body.text).toBe(`(error) ${body.error}`);
    } finally {
      admin.disconnect();
    }
  });
});
