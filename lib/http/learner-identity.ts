import 'server-only';
/**
 * The learner's identity: a random id in an HttpOnly cookie, signed with a server secret so that
 * a client cannot mint ids of its own (each would count as an existing learner and skip the
 * new-session limit). The secret lives in the app's Valkey, so cookies survive restarts.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextRequest, NextResponse } from 'next/server';
import {
  isLearnerId,
  LEARNER_COOKIE,
  LEARNER_COOKIE_MAX_AGE,
  newLearnerId,
  SECURE_LEARNER_COOKIE,
} from '@/lib/sandbox/learner';
import { keyspaceEnv } from '@/lib/config/env';
import { admitNewLearner } from '@/lib/sandbox/admission';
import { clientAddress } from './client-address';
import { LEARNER_HEADER } from './api-client';
import { getValkey } from '@/lib/valkey/connections';
import { COOKIE_SECRET_KEY } from '@/lib/valkey/keys';

/**
 * Who is asking, from the signed cookie; `isNew` when the request had no valid cookie. A new
 * identity's cookie is issued with the response, unless `cookieValue` is empty (not issued).
 */
export interface LearnerIdentity {
  id: string;
  isNew: boolean;
  cookieValue: string;
}

const cache = globalThis as typeof globalThis & { keyspaceCookieSecret?: Promise<Buffer> };

function cookieSecret(): Promise<Buffer> {
  const fromEnv = keyspaceEnv().KEYSPACE_SESSION_SECRET;
  if (fromEnv) return Promise.resolve(Buffer.from(fromEnv));
  cache.keyspaceCookieSecret ??= (async () => {
    const app = await getValkey('app');
    await app.set(COOKIE_SECRET_KEY, randomBytes(32).toString('hex'), 'NX');
    return Buffer.from((await app.get(COOKIE_SECRET_KEY)) ?? '');
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

/** Cookies that passed the signature check lately, per secret: value → learner id. */
interface VerifiedCookies {
  secret: Buffer;
  ids: Map<string, string>;
}
const VERIFIED_COOKIES_MAX = 10_000;
const verified = globalThis as typeof globalThis & { keyspaceVerifiedCookies?: VerifiedCookies };

function verifiedCookies(secret: Buffer): Map<string, string> {
  const current = verified.keyspaceVerifiedCookies;
  if (current && current.secret.equals(secret)) return current.ids;
  verified.keyspaceVerifiedCookies = { secret, ids: new Map() };
  return verified.keyspaceVerifiedCookies.ids;
}

/**
 * The learner a cookie vouches for, or null. Only cookies whose signature checked out are
 * remembered (a forged one is checked, and refused, every time), keyed by id and signature and
 * kept per secret, so the cache never accepts what the HMAC check would refuse.
 */
async function verifiedLearner(value: string): Promise<{ id: string; cookieValue: string } | null> {
  const [id, signature] = value.split('.');
  if (!isLearnerId(id) || !signature) return null;
  const cookieValue = `${id}.${signature}`;
  const secret = await cookieSecret();
  const known = verifiedCookies(secret);
  if (known.get(cookieValue) === id) return { id, cookieValue };
  const expected = Buffer.from(sign(id, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (known.size >= VERIFIED_COOKIES_MAX) known.delete(known.keys().next().value as string);
  known.set(cookieValue, id);
  return { id, cookieValue };
}

/**
 * The learner of the request's cookie, or a new one. A new identity counts against its address's
 * allowance (admitNewLearner throws the 429), unless `issue` is false: then the caller gets an
 * identity that is never issued (no cookie, no allowance spent) and should treat it as having
 * nothing yet.
 */
export async function learnerIdentity(
  request: NextRequest,
  { issue = true }: { issue?: boolean } = {},
): Promise<LearnerIdentity> {
  const learner =
    (await verifiedLearner(request.cookies.get(SECURE_LEARNER_COOKIE)?.value ?? '')) ??
    (await verifiedLearner(request.cookies.get(LEARNER_COOKIE)?.value ?? ''));
  if (learner) return { ...learner, isNew: false };
  const fresh = newLearnerId();
  if (!issue) return { id: fresh, isNew: true, cookieValue: '' };
  await admitNewLearner(clientAddress(request.headers));
  return { id: fresh, isNew: true, cookieValue: await learnerCookieValue(fresh) };
}

/**
 * Whether the browser reached the app over HTTPS: directly, or through a trusted proxy
 * (KEYSPACE_TRUST_PROXY=1) that says so in X-Forwarded-Proto. Next builds request.url from its own
 * listen address, so behind a TLS-terminating proxy only that header knows.
 */
export function servedOverHttps(request: NextRequest): boolean {
  if (request.nextUrl.protocol === 'https:') return true;
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return keyspaceEnv().KEYSPACE_TRUST_PROXY && forwarded === 'https';
}

export function withLearnerCookie(
  response: NextResponse,
  learner: LearnerIdentity,
  request: NextRequest,
): NextResponse {
  // Tells the browser's API client (lib/http/api-client.ts) that it may now send calls side by side.
  response.headers.set(LEARNER_HEADER, learner.isNew && !learner.cookieValue ? 'none' : 'known');
  if (learner.isNew && learner.cookieValue) {
    const secure = servedOverHttps(request);
    response.cookies.set(secure ? SECURE_LEARNER_COOKIE : LEARNER_COOKIE, learner.cookieValue, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      maxAge: LEARNER_COOKIE_MAX_AGE,
    });
  }
  return response;
}
