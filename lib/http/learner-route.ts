/**
 * The frame every learner-facing route shares: identify the learner from the signed cookie, run
 * the route's work, issue the cookie if it is new, and map a down Valkey to 503 and anything
 * unexpected to a short 500 (logged with context, never shown as a stack trace).
 */
import type { NextRequest, NextResponse } from 'next/server';
import { ValkeyUnavailableError } from '@/lib/valkey/connections';
import { learnerSession, withLearnerCookie, type LearnerSession } from './learner-session';
import { jsonError } from './response';

const unavailable = (error: ValkeyUnavailableError) => jsonError(503, 'unavailable', error.message, { text: `(error) ${error.message}` });

export async function handleLearnerRequest(
  request: NextRequest,
  route: string,
  failureMessage: string,
  handle: (session: LearnerSession) => Promise<NextResponse>,
): Promise<NextResponse> {
  let session: LearnerSession;
  try {
    session = await learnerSession(request);
  } catch (error) {
    if (error instanceof ValkeyUnavailableError) return unavailable(error);
    throw error;
  }
  try {
    return withLearnerCookie(await handle(session), session, request);
  } catch (error) {
    if (error instanceof ValkeyUnavailableError) return withLearnerCookie(unavailable(error), session, request);
    console.error(`[${route}]`, error);
    return withLearnerCookie(jsonError(500, 'internal', failureMessage), session, request);
  }
}
