/** The signed learner cookie, and the per-process memory of cookies already verified. */
import { NextRequest } from 'next/server';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { LEARNER_COOKIE, newLearnerId } from '@/lib/sandbox/learner';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { setEnv } from '@/lib/testing/env';
import { learnerCookieValue, learnerIdentity } from './learner-identity';

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
