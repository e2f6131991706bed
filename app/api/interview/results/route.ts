import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { limitWrites } from '@/lib/http/write-limit';
import { jsonOk, readJsonBody } from '@/lib/http/response';
import { submitInterview } from '@/lib/interview/service';
import { readInterviewResults } from '@/lib/interview/store';
import { ResultRequest } from '@/lib/interview/types';

/** The learner's recent interviews and per-topic average scores (the dashboard reads this). */
export function GET(request: NextRequest) {
  return handleLearnerRequest(
    request,
    'interview/results',
    'Could not load your interview results. Try again.',
    async (learner) => jsonOk({ ok: true, ...(await readInterviewResults(learner.id)) }),
  );
}

/** Scores a finished interview from what the learner ticked, saves it and brings weak topics forward in the drills. */
export function POST(request: NextRequest) {
  return handleLearnerRequest(
    request,
    'interview/results',
    'Could not save your interview. Try again.',
    async (learner) => {
      await limitWrites(request, learner.id);
      const body = await readJsonBody(request, ResultRequest, 32 * 1024);
      return jsonOk({ ok: true, ...(await submitInterview(learner.id, body)) });
    },
  );
}
