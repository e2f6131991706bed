import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonError, jsonOk, readJsonBody } from '@/lib/http/response';
import { InvalidAnswerError, submitInterview, UnknownQuestionError } from '@/lib/interview/service';
import { readInterviewResults } from '@/lib/interview/store';
import { ResultRequest } from '@/lib/interview/types';

export const dynamic = 'force-dynamic';

/** The learner's recent interviews and per-topic average scores (the dashboard reads this). */
export function GET(request: NextRequest) {
  return handleLearnerRequest(request, 'interview/results', 'Could not load your interview results. Try again.', async (session) =>
    jsonOk({ ok: true, ...(await readInterviewResults(session.id)) }),
  );
}

/** Scores a finished interview from what the learner ticked, saves it and brings weak topics forward in the drills. */
export function POST(request: NextRequest) {
  return handleLearnerRequest(request, 'interview/results', 'Could not save your interview. Try again.', async (session) => {
    const body = await readJsonBody(request, ResultRequest, 32 * 1024);
    if (!body.ok) return body.response;
    try {
      return jsonOk({ ok: true, ...(await submitInterview(session.id, body.data)) });
    } catch (error) {
      if (error instanceof UnknownQuestionError) return jsonError(404, 'not_found', error.message);
      if (error instanceof InvalidAnswerError) return jsonError(400, 'bad_request', error.message);
      throw error;
    }
  });
}
