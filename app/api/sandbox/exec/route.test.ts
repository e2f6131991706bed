/** The HTTP contract of POST /api/sandbox/exec, called as Next.js calls it, on real Valkey. */
import Redis from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { LEARNER_COOKIE } from '@/lib/sandbox/learner';
import { issuedCookie, learnerRequest } from '@/lib/testing/http';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { POST } from './route';
import { setEnv } from '@/lib/testing/env';
import { portsOf } from '@/lib/servers/ports';

afterAll(closeValkeyClients);

const request = (body: string, cookie?: string) => learnerRequest('/api/sandbox/exec', cookie, body);

async function exec(command: string, cookie?: string) {
  const response = await POST(request(JSON.stringify({ command }), cookie));
  return { response, body: (await response.json()) as Record<string, unknown> };
}

describe('POST /api/sandbox/exec', () => {
  it('issues an HttpOnly, SameSite learner cookie and answers PING with PONG', async () => {
    const { response, body } = await exec('PING');
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ ok: true, text: 'PONG', reply: 'PONG' });
    expect(typeof body.ms).toBe('number');
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^${LEARNER_COOKIE}=[a-z0-9]{12}\\.[\\w-]{32};`));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
  });

  it('keeps a learner by cookie and ignores any id in the body', async () => {
    const first = await exec('SET mine 1');
    const cookie = issuedCookie(first.response);
    expect(cookie).toBeDefined();
    expect((await exec('GET mine', cookie)).body.text).toBe('"1"');
    expect((await exec('GET mine', cookie)).response.headers.get('set-cookie')).toBeNull();
    const id = cookie!.split('.')[0];
    const spoofed = await POST(request(JSON.stringify({ command: 'GET mine', learner: id, id }), undefined));
    expect(((await spoofed.json()) as { text: string }).text).toBe('(nil)');
    // A well-formed id without the server's signature is a new learner, not the owner of that id.
    const forged = await exec('GET mine', `${id}.${'A'.repeat(32)}`);
    expect(forged.body.text).toBe('(nil)');
    expect(forged.response.headers.get('set-cookie')).not.toBeNull();
    const unsigned = await POST(request(JSON.stringify({ command: 'GET mine' }), id));
    expect(((await unsigned.json()) as { text: string }).text).toBe('(nil)');
  });

  it('replaces a forged or malformed cookie with a fresh identity', async () => {
    const { response, body } = await exec('KEYS *', '../../etc');
    expect(body.text).toBe('(empty array)');
    expect(response.headers.get('set-cookie')).toMatch(new RegExp(`^${LEARNER_COOKIE}=[a-z0-9]{12}\\.`));
  });

  it('answers refusals and Valkey errors with 200 and ok=false', async () => {
    const { response, body } = await exec('CONFIG SET maxmemory 1');
    expect(response.status).toBe(200);
    expect(body.ok).toBe(false);
    expect(body.text).toMatch(/^\(error\) ERR CONFIG is disabled/);
    expect(body.error).toMatch(/^ERR CONFIG/);
    const valkeyError = await exec('INCR');
    expect(valkeyError.response.status).toBe(200);
    expect(valkeyError.body).toMatchObject({
      ok: false,
      text: "(error) ERR wrong number of arguments for 'incr' command",
    });
  });

  it("runs FLUSHALL on the caller's own keys only", async () => {
    const alice = issuedCookie((await exec('SET a 1')).response);
    const bob = issuedCookie((await exec('SET b 2')).response);
    expect(alice).toBeDefined();
    expect(bob).toBeDefined();
    const sandbox = new Redis(inject('sandboxUrl'));
    const app = new Redis(inject('appUrl'));
    try {
      await sandbox.set('app:route-test', 'kept');
      await app.set('keyspace:test:route-flushall', 'kept');
      const { response, body } = await exec('FLUSHALL', alice);
      expect(response.status).toBe(200);
      expect(body).toMatchObject({ ok: true, text: 'OK', reply: 'OK' });
      expect((await exec('GET a', alice)).body.text).toBe('(nil)');
      expect((await exec('GET b', bob)).body.text).toBe('"2"');
      expect(await sandbox.get('app:route-test')).toBe('kept');
      expect(await app.get('keyspace:test:route-flushall')).toBe('kept');
    } finally {
      await sandbox.del('app:route-test');
      await app.del('keyspace:test:route-flushall');
      sandbox.disconnect();
      app.disconnect();
    }
  });

  it.each([
    ['not JSON', '{command: PING', 400],
    ['a missing command', '{}', 400],
    ['a command that is not a string', '{"command": 42}', 400],
    ['an empty line', '{"command": "  "}', 400],
    ['two lines', '{"command": "GET a\\nFLUSHALL"}', 400],
    ['unbalanced quotes', '{"command": "SET a \\"b"}', 400],
    ['a line over 16 KB', JSON.stringify({ command: `SET a ${'x'.repeat(20_000)}` }), 413],
    ['a body over the limit', JSON.stringify({ command: 'x'.repeat(200_000) }), 413],
  ])('rejects %s with HTTP %i and a message', async (_label, body, status) => {
    const response = await POST(request(body));
    expect(response.status).toBe(status);
    const json = (await response.json()) as { ok: boolean; error: string };
    expect(json.ok).toBe(false);
    expect(json.error.length).toBeGreaterThan(10);
  });
});

describe('POST /api/sandbox/exec when the sandbox server is down', () => {
  it('answers 503 with a message that says so', async () => {
    await closeValkeyClients();
    setEnv({ KEYSPACE_SANDBOX_URL: `redis://keyspace:pw@127.0.0.1:${portsOf('test').unusedSandbox}` });
    try {
      const { response, body } = await exec('PING');
      expect(response.status).toBe(503);
      expect(body.ok).toBe(false);
      expect(String(body.error)).toContain('sandbox Valkey is unavailable');
      expect(String(body.text)).toMatch(/^\(error\) /);
    } finally {
      await closeValkeyClients();
      setEnv({ KEYSPACE_SANDBOX_URL: inject('sandboxUrl') });
    }
  });
});
