/**
 * The learner's identity: a random id in an HttpOnly cookie, signed with a server secret so that
 * a client cannot mint ids of its own (each would count as an existing learner and skip the
 * new-session limit). The secret lives in the app's Valkey, so cookies survive restarts.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextRequest, NextResponse } from 'next/server';
import { isLearnerId, LEARNER_COOKIE, LEARNER_COOKIE_MAX_AGE, newLearnerId } from '@/lib/sandbox/learner';
import { getValkey } from '@/lib/valkey/connections';

export interface LearnerSession {
  id: string;
  isNew: boolean;
  cookieValue: string;
}

const SECRET_KEY = 'keyspace:secret:learner-cookie';
const cache = globalThis as typeof globalThis & { keyspaceCookieSecret?: Promise<Buffer> };

function cookieSecret(): Promise<Buffer> {
  const fromEnv = process.env.KEYSPACE_SESSION_SECRET;
  if (fromEnv) return Promise.resolve(Buffer.from(fromEnv));
  cache.keyspaceCookieSecret ??= (async () => {
    const app = await getValkey('app');
    await app.set(SECRET_KEY, randomBytes(32).toString('hex'), 'NX');
    return Buffer.from((await app.get(SECRET_KEY)) ?? '');
  })().catch((error: unknown) => {
    delete cache.keyspaceCookieSecret;
    throw error;
  });
  return cache.keyspaceCookieSecret;
}

function sign(id: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(id).digest('base64url').slice(0, 32);
}

/** The cookie value for a learner id: `<id>.<signature>`. */
export async function learnerCookieValue(id: string): Promise<string> {
  return `${id}.${sign(id, await cookieSecret())}`;
}

export async function learnerSession(request: NextRequest): Promise<LearnerSession> {
  const [id, signature] = (request.cookies.get(LEARNER_COOKIE)?.value ?? '').split('.');
  if (isLearnerId(id) && signature) {
    const expected = Buffer.from(sign(id, await cookieSecret()));
    const given = Buffer.from(signature);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { id, isNew: false, cookieValue: `${id}.${signature}` };
  }
  const fresh = newLearnerId();
  return { id: fresh, isNew: true, cookieValue: await learnerCookieValue(fresh) };
}

export function withLearnerCookie(response: NextResponse, session: LearnerSession, request: NextRequest): NextResponse {
  if (session.isNew) {
    response.cookies.set(LEARNER_COOKIE, session.cookieValue, {
      httpOnly: true,
      sameSite: 'lax',
      secure: request.nextUrl.protocol === 'https:',
      path: '/',
      maxAge: LEARNER_COOKIE_MAX_AGE,
    });
  }
  return response;
}
