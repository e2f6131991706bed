import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonError, jsonOk, readJsonBody } from '@/lib/http/response';
import { admitCommand, clientAddress } from '@/lib/sandbox/admission';
import { recordCommandUse } from '@/lib/sandbox/command-usage';
import { executeLine } from '@/lib/sandbox/execute';
import { sandboxLimits } from '@/lib/sandbox/limits';

export const dynamic = 'force-dynamic';

const ExecRequest = z.object({ command: z.string({ error: 'must be a string holding one command line' }) });

export function POST(request: NextRequest) {
  return handleLearnerRequest(request, 'sandbox/exec', 'Something went wrong running that command. Try again.', async (session) => {
    // Read once per request: each read parses every limit from the environment.
    const limits = sandboxLimits();
    // JSON escaping can make a line six times longer; the line itself is checked against its limit.
    const body = await readJsonBody(request, ExecRequest, limits.maxLineBytes * 6 + 1024);
    if (!body.ok) return body.response;
    const admission = await admitCommand(session.id, clientAddress(request.headers), session.isNew, limits);
    if (!admission.ok) {
      const response = jsonError(429, 'rate_limited', admission.error, { text: `(error) ${admission.error}` });
      response.headers.set('Retry-After', String(admission.retryAfterSeconds));
      return response;
    }
    recordCommandUse(session.id, body.data.command);
    const outcome = await executeLine(session.id, body.data.command, limits);
    if (outcome.kind === 'reply') return jsonOk(outcome.body);
    const code = outcome.status === 413 ? 'payload_too_large' : outcome.status === 429 ? 'rate_limited' : 'bad_request';
    const response = jsonError(outcome.status, code, outcome.error, { text: outcome.text });
    if (outcome.retryAfterSeconds) response.headers.set('Retry-After', String(outcome.retryAfterSeconds));
    return response;
  });
}
