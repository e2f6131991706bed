import type { NextRequest } from 'next/server';
import { learnerSession, withLearnerCookie } from '@/lib/http/learner-session';
import { jsonError, jsonOk } from '@/lib/http/response';
import { listLearnerKeys } from '@/lib/sandbox/key-browser';
import { ValkeyUnavailableError } from '@/lib/valkey/connections';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  let session;
  try {
    session = await learnerSession(request);
  } catch (error) {
    if (error instanceof ValkeyUnavailableError) return jsonError(503, 'unavailable', error.message);
    throw error;
  }
  try {
    return withLearnerCookie(jsonOk({ ok: true, ...(await listLearnerKeys(session.id)) }), session, request);
  } catch (error) {
    if (error instanceof ValkeyUnavailableError) return withLearnerCookie(jsonError(503, 'unavailable', error.message), session, request);
    console.error('[sandbox/keys]', error);
    return withLearnerCookie(jsonError(500, 'internal', 'Could not list your keys. Try again.'), session, request);
  }
}
