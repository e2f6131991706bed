import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonError, jsonOk } from '@/lib/http/response';
import { checkAndRecordChallenge } from '@/lib/challenges/check-and-record';
import { admitCommand, clientAddress } from '@/lib/sandbox/admission';

export const dynamic = 'force-dynamic';

export function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  return handleLearnerRequest(request, 'challenges/check', 'Something went wrong checking your work. Try again.', async (session) => {
    const admission = await admitCommand(session.id, clientAddress(request.headers), session.isNew);
    if (!admission.ok) {
      const response = jsonError(429, 'rate_limited', admission.error);
      response.headers.set('Retry-After', String(admission.retryAfterSeconds));
      return response;
    }
    const result = await checkAndRecordChallenge(session.id, (await params).id);
    if (!result) return jsonError(404, 'not_found', 'There is no such challenge. Reload the lesson: it may have changed.');
    return jsonOk(result);
  });
}
