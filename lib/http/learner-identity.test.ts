/** The signed learner cookie, and the per-process memory of cookies already verified. */
import { NextRequest } from 'next/server';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { NextResponse } from 'next/server';
import { LEARNER_COOKIE, newLearnerId, SECURE_LEARNER_COOKIE } from '@/lib/sandbox/learner';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { setEnv } from '@/lib/testing/env';
import { learnerCookieValue, learnerIdentity, withLearnerCookie } from './learner-identity';

const savedSecret = process.env.KEYSPACE_SESSION_SECRET;

afterEach(() => {
  setEnv({ KEYSPACE_SESSION_SECRET: savedSecret });
});
afterAll(closeValkeyClients);

const withCookie = (value: string) =>
  new NextRequest('http://localhost/api/sandbox/exec', { headers: { cookie: `${LEARNER_COOKIE}=${value}` } });

describe('learnerIdentity', () => {
  it('keeps the learner of a signed cookie, checked or remembered', async () => {
    const id = newLearnerId();
    const cookie = await learnerCookieValue(id);
    for (let i = 0; i < 3; i++)
      expect(await learnerIdentity(withCookie(cookie))).toEqual({ id, isNew: false, cookieValue: cookie });
  });

  it('refuses a forged signature for an id whose real cookie it has already verified', async () => {
    const id = newLearnerId();
    const cookie = await learnerCookieValue(id);
    expect((await learnerIdentity(withCookie(cookie))).id).toBe(id);
    const [, signature = ''] = cookie.split('.');
    const forged = `${id}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    const learner = await learnerIdentity(withCookie(forged));
    expect(learner.isNew).toBe(true);
    expect(learner.id).not.toBe(id);
  });

  it('forgets what it verified when the secret changes', async () => {
    setEnv({ KEYSPACE_SESSION_SECRET: 'first secret for this test' });
    const id = newLearnerId();
    const cookie = await learnerCookieValue(id);
    expect((await learnerIdentity(withCookie(cookie))).id).toBe(id);
    setEnv({ KEYSPACE_SESSION_SECRET: 'second secret for this test' });
    const learner = await learnerIdentity(withCookie(cookie));
    expect(learner.isNew).toBe(true);
    expect(learner.id).not.toBe(id);
  });
});

describe('the cookie over HTTPS', () => {
  const issue = async (headers: Record<string, string>) => {
    const request = new NextRequest('http://localhost/api/progress', { headers });
    const learner = await learnerIdentity(request);
    return withLearnerCookie(NextResponse.json({}), learner, request).headers.get('set-cookie') ?? '';
  };

  it('is __Host- and Secure behind a trusted proxy that says https, plain over http', async () => {
    setEnv({ KEYSPACE_TRUST_PROXY: '1' });
    try {
      const secure = await issue({ 'x-forwarded-proto': 'https' });
      expect(secure).toMatch(new RegExp(`^${SECURE_LEARNER_COOKIE}=`));
      expect(secure).toMatch(/; Secure/i);
      expect(secure).toMatch(/; Path=\//);
      expect(secure).not.toMatch(/Domain=/i);
      expect(await issue({ 'x-forwarded-proto': 'http' })).toMatch(new RegExp(`^${LEARNER_COOKIE}=`));
    } finally {
      setEnv({ KEYSPACE_TRUST_PROXY: undefined });
    }
    // Without a trusted proxy, the header is the client's word: no __Host- name from it.
    const untrusted = await issue({ 'x-forwarded-proto': 'https' });
    expect(untrusted).toMatch(new RegExp(`^${LEARNER_COOKIE}=`));
    expect(untrusted).not.toMatch(/; Secure/i);
  });

  it('is read under either name', async () => {
    const id = newLearnerId();
    const value = await learnerCookieValue(id);
    const request = new NextRequest('http://localhost/api/progress', {
      headers: { cookie: `${SECURE_LEARNER_COOKIE}=${value}` },
    });
    expect(await learnerIdentity(request)).toMatchObject({ id, isNew: false });
  });
});
