/** The signed learner cookie, and the per-process memory of cookies already verified. */
import { NextRequest } from 'next/server';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { LEARNER_COOKIE, newLearnerId } from '@/lib/sandbox/learner';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { learnerCookieValue, learnerSession } from './learner-session';
import { setEnv } from '@/lib/testing/env';

const savedSecret = process.env.KEYSPACE_SESSION_SECRET;

afterEach(() => {
  setEnv({ KEYSPACE_SESSION_SECRET: savedSecret });
});
afterAll(closeValkeyClients);

const withCookie = (value: string) => new NextRequest('http://localhost/api/sandbox/exec', { headers: { cookie: `${LEARNER_COOKIE}=${value}` } });

describe('learnerSession', () => {
  it('keeps the learner of a signed cookie, checked or remembered', async () => {
    const id = newLearnerId();
    const cookie = await learnerCookieValue(id);
    for (let i = 0; i < 3; i++) expect(await learnerSession(withCookie(cookie))).toEqual({ id, isNew: false, cookieValue: cookie });
  });

  it('refuses a forged signature for an id whose real cookie it has already verified', async () => {
    const id = newLearnerId();
    const cookie = await learnerCookieValue(id);
    expect((await learnerSession(withCookie(cookie))).id).toBe(id);
    const [, signature = ''] = cookie.split('.');
    const forged = `${id}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    const session = await learnerSession(withCookie(forged));
    expect(session.isNew).toBe(true);
    expect(session.id).not.toBe(id);
  });

  it('forgets what it verified when the secret changes', async () => {
    setEnv({ KEYSPACE_SESSION_SECRET: 'first secret for this test' });
    const id = newLearnerId();
    const cookie = await learnerCookieValue(id);
    expect((await learnerSession(withCookie(cookie))).id).toBe(id);
    setEnv({ KEYSPACE_SESSION_SECRET: 'second secret for this test' });
    const session = await learnerSession(withCookie(cookie));
    expect(session.isNew).toBe(true);
    expect(session.id).not.toBe(id);
  });
});
