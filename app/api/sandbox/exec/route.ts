import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { learnerSession, withLearnerCookie } from '@/lib/http/learner-session';
import { jsonError, jsonOk, readJsonBody } from '@/lib/http/response';
import { executeLine, MAX_LINE_BYTES } from '@/lib/sandbox/execute';
import { ValkeyUnavailableError } from '@/lib/valkey/connections';

export const dynamic = 'force-dynamic';

const ExecRequest = z.object({ command: z.string({ error: 'must be a string holding one command line' }) });

export async function POST(request: NextRequest) {
  const session = learnerSession(request);
  // JSON escaping can triple a line's size; the line itself is checked against its own limit.
  const body = await readJsonBody(request, ExecRequest, MAX_LINE_BYTES * 6 + 1024);
  if (!body.ok) return withLearnerCookie(body.response, session, request);
  try {
    const outcome = await executeLine(session.id, body.data.command);
    const response =
      outcome.kind === 'reply'
        ? jsonOk(outcome.body)
        : jsonError(outcome.status, outcome.status === 413 ? 'payload_too_large' : 'bad_request', outcome.error, { text: outcome.text });
    return withLearnerCookie(response, session, request);
  } catch (error) {
    if (error instanceof ValkeyUnavailableError) {
      return withLearnerCookie(jsonError(503, 'unavailable', error.message, { text: `(error) ${error.message}` }), session, request);
    }
    console.error('[sandbox/exec]', error);
    return withLearnerCookie(jsonError(500, 'internal', 'Something went wrong running that command. Try again.'), session, request);
  }
}
