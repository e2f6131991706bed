import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk } from '@/lib/http/response';
import { progressWithSummary } from '@/lib/progress/service';

export function GET(request: NextRequest) {
  return handleLearnerRequest(request, 'progress', 'Could not load your progress. Try again.', async (learner) =>
    jsonOk({ ok: true, ...(await progressWithSummary(learner.id)) }),
  );
}
