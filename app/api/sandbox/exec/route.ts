import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { learnerSession, withLearnerCookie } from '@/lib/http/learner-session';
import { jsonError, jsonOk, readJsonBody } from '@/lib/http/response';
import { admitCommand, clientAddress } from '@/lib/sandbox/admission';
import { executeLine } from '@/lib/sandbox/execute';
import { sandboxLimits } from '@/lib/sandbox/limits';
import { ValkeyUnavailableError } from '@/lib/valkey/connections';

export const dynamic = 'force-dynamic';

const ExecRequest = z.object({ command: z.string({ error: 'must be a string holding one command line' }) });

export async function POST(request: NextRequest) {
  let session;
  try {
    session = await learnerSession(request);
  } catch (error) {
    if (error instanceof ValkeyUnavailableError) return jsonError(503, 'unavailable', error.message);
    throw error;
  }
  // JSON escaping can make a line six times longer; the line itself is checked against its limit.
  const body = await readJsonBody(request, ExecRequest, sandboxLimits().maxLineBytes * 6 + 1024);
  if (!body.ok) return withLearnerCookie(body.response, session, request);
  try {
    const admission = await admitCommand(session.id, clientAddress(request.headers), session.isNew);
    if (!admission.ok) {
      const response = jsonError(429, 'rate_limited', admission.error, { text: `(error) ${admission.error}` });
      response.headers.set('Retry-After', String(admission.retryAfterSeconds));
      return withLearnerCookie(response, session, request);
    }
    const outcome = await executeLine(session.id, body.data.command);
    if (outcome.kind === 'reply') return withLearnerCookie(jsonOk(outcome.body), session, request);
    const code = outcome.status === 413 ? 'payload_too_large' : outcome.status === 429 ? 'rate_limited' : 'bad_request';
    const response = jsonError(outcome.status, code, outcome.error, { text: outcome.text });
    if (outcome.retryAfterSeconds) response.headers.set('Retry-After', String(outcome.retryAfterSeconds));
    return withLearnerCookie(response, session, request);
  } catch (error) {
    if (error instanceof ValkeyUnavailableError) {
      return withLearnerCookie(jsonError(503, 'unavailable', error.message, { text: `(error) ${error.message}` }), session, request);
    }
    console.error('[sandbox/exec]', error);
    return withLearnerCookie(jsonError(500, 'internal', 'Something went wrong running that command. Try again.'), session, request);
  }
}
