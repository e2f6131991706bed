import type { APIResponse } from '@playwright/test';
import { LEARNER_COOKIE } from '../lib/sandbox/learner';
import { expect, test } from './fixtures';

const EXEC = '/api/sandbox/exec';

function uniqueKey(name: string): string {
  return `e2e:${name}:${Date.now().toString(36)}:${Math.random().toString(36).slice(2, 8)}`;
}

/** The learner cookie a response issued, with its attributes, or undefined. */
function issuedLearnerCookie(response: APIResponse): string | undefined {
  return response
    .headersArray()
    .filter((header) => header.name.toLowerCase() === 'set-cookie')
    .map((header) => header.value)
    .find((value) => value.startsWith(`${LEARNER_COOKIE}=`));
}

/** The id part of a signed learner cookie (`<id>.<signature>`). */
function learnerIdOf(setCookie: string | undefined): string {
  const value = new RegExp(`^${LEARNER_COOKIE}=([^;]*)`).exec(setCookie ?? '')?.[1];
  expect(value, `a signed learner id in ${setCookie}`).toMatch(/^[a-z0-9]{12}\.[\w-]{32}$/);
  return (value as string).split('.')[0] as string;
}

test.describe('GET /api/health', () => {
  test('is 200 with ok per server, every engine running, and nothing about where the servers are', async ({
    request,
  }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      ok: true,
      message: 'All servers are reachable.',
      servers: [
        { role: 'sandbox', ok: true },
        { role: 'app', ok: true },
      ],
      // The e2e app runs the sandbox's Redis OSS and Memcached servers too (npm start --profile e2e).
      engines: {
        valkey: { ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+$/) },
        redis: { ok: true, version: expect.stringMatching(/^7\./) },
        memcached: { ok: true, version: expect.stringMatching(/^1\.6\./) },
      },
    });
  });
});

test.describe('state-changing requests', () => {
  test('are refused from another origin (403) or when not sent as JSON (415)', async ({ request }) => {
    const crossSite = await request.post(EXEC, {
      headers: { Origin: 'https://evil.example' },
      data: { command: 'PING' },
    });
    expect(crossSite.status()).toBe(403);
    expect(issuedLearnerCookie(crossSite)).toBeUndefined();
    const form = await request.post(EXEC, { headers: { 'Content-Type': 'text/plain' }, data: '{"command":"PING"}' });
    expect(form.status()).toBe(415);
    const ownOrigin = new URL(test.info().project.use.baseURL ?? '').origin;
    const own = await request.post(EXEC, { headers: { Origin: ownOrigin }, data: { command: 'PING' } });
    expect(own.status()).toBe(200);
  });
});

test.describe('POST /api/sandbox/exec', () => {
  test('runs PING and issues an HttpOnly learner cookie', async ({ request }) => {
    const response = await request.post(EXEC, { data: { command: 'PING' } });
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, text: 'PONG', ms: expect.any(Number) });

    const cookie = issuedLearnerCookie(response);
    expect(cookie, 'a learner cookie is issued').toBeDefined();
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    learnerIdOf(cookie);

    const again = await request.post(EXEC, { data: { command: 'PING' } });
    expect(again.status()).toBe(200);
    expect(issuedLearnerCookie(again), 'a known learner is not issued a new cookie').toBeUndefined();
  });

  test('rejects a body that is not JSON with 400', async ({ request }) => {
    const response = await request.post(EXEC, {
      headers: { 'Content-Type': 'application/json' },
      data: '{"command": "PING"',
    });
    expect(response.status()).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, code: 'bad_request', error: expect.any(String) });
  });

  test('rejects an empty command with 400', async ({ request }) => {
    const response = await request.post(EXEC, { data: { command: '' } });
    expect(response.status()).toBe(400);
    expect(await response.json()).toMatchObject({
      ok: false,
      code: 'bad_request',
      error: expect.stringMatching(/empty command/),
    });
  });

  test('rejects a command that is not a string with 400', async ({ request }) => {
    const response = await request.post(EXEC, { data: { command: ['PING'] } });
    expect(response.status()).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, code: 'bad_request' });
  });

  test('rejects a 20 KB command line with 413', async ({ request }) => {
    const response = await request.post(EXEC, {
      data: { command: `SET ${uniqueKey('big')} ${'x'.repeat(20 * 1024)}` },
    });
    expect(response.status()).toBe(413);
    expect(await response.json()).toMatchObject({ ok: false, code: 'payload_too_large' });
  });

  test('ignores a learner named in the body: the cookie decides', async ({ playwright }) => {
    const key = uniqueKey('owned');
    const owner = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    const intruder = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    try {
      const set = await owner.post(EXEC, { data: { command: `SET ${key} secret` } });
      expect(await set.json()).toMatchObject({ ok: true, text: 'OK' });
      const ownerId = learnerIdOf(issuedLearnerCookie(set));
      expect(await (await owner.post(EXEC, { data: { command: `GET ${key}` } })).json()).toMatchObject({
        ok: true,
        text: '"secret"',
      });

      const spoofed = await intruder.post(EXEC, { data: { command: `GET ${key}`, learner: ownerId } });
      expect(spoofed.status()).toBe(200);
      expect(await spoofed.json(), 'naming another learner does not reach their keys').toMatchObject({
        ok: true,
        text: '(nil)',
      });
      expect(learnerIdOf(issuedLearnerCookie(spoofed)), 'the intruder gets an id of its own').not.toBe(ownerId);

      const spoofedWrite = await intruder.post(EXEC, { data: { command: `SET ${key} overwritten`, learner: ownerId } });
      expect(await spoofedWrite.json()).toMatchObject({ ok: true, text: 'OK' });
      expect(
        await (await owner.post(EXEC, { data: { command: `GET ${key}` } })).json(),
        'nor overwrite them',
      ).toMatchObject({
        text: '"secret"',
      });
    } finally {
      await owner.post(EXEC, { data: { command: `DEL ${key}` } });
      await intruder.post(EXEC, { data: { command: `DEL ${key}` } });
      await owner.dispose();
      await intruder.dispose();
    }
  });
});
