/** Reads the learner cookie from a request and issues one on the response when it is new. */
import type { NextRequest, NextResponse } from 'next/server';
import { isLearnerId, LEARNER_COOKIE, LEARNER_COOKIE_MAX_AGE, newLearnerId } from '@/lib/sandbox/learner';

export interface LearnerSession {
  id: string;
  isNew: boolean;
}

export function learnerSession(request: NextRequest): LearnerSession {
  const existing = request.cookies.get(LEARNER_COOKIE)?.value;
  return isLearnerId(existing) ? { id: existing, isNew: false } : { id: newLearnerId(), isNew: true };
}

export function withLearnerCookie(response: NextResponse, session: LearnerSession, request: NextRequest): NextResponse {
  if (session.isNew) {
    response.cookies.set(LEARNER_COOKIE, session.id, {
      httpOnly: true,
      sameSite: 'lax',
      secure: request.nextUrl.protocol === 'https:',
      path: '/',
      maxAge: LEARNER_COOKIE_MAX_AGE,
    });
  }
  return response;
}
