import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk } from '@/lib/http/response';
import { resetLearner } from '@/lib/sandbox/learners';

export function POST(request: NextRequest) {
  return handleLearnerRequest(request, 'sandbox/reset', 'Could not reset your sandbox. Try again.', async (learner) =>
    jsonOk({ ok: true, deleted: await resetLearner(learner.id) }),
  );
}
