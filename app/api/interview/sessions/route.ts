import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonError, jsonOk, readJsonBody } from '@/lib/http/response';
import { startInterview, UnknownQuestionError } from '@/lib/interview/service';
import { SessionRequest } from '@/lib/interview/types';

export const dynamic = 'force-dynamic';

/** A new mock interview: `{"minutes": 15, "topics": ["caching-patterns"]}` → its questions with model answers and rubrics. */
export function POST(request: NextRequest) {
  return handleLearnerRequest(request, 'interview/sessions', 'Could not build an interview. Try again.', async () => {
    const body = await readJsonBody(request, SessionRequest, 4096);
    if (!body.ok) return body.response;
    try {
      return jsonOk({ ok: true, ...startInterview(body.data) });
    } catch (error) {
      if (error instanceof UnknownQuestionError) return jsonError(404, 'not_found', error.message);
      throw error;
    }
  });
}
