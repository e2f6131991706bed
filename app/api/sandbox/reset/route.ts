import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk } from '@/lib/http/response';
import { resetLearner } from '@/lib/sandbox/learners';

export const dynamic = 'force-dynamic';

export function POST(request: NextRequest) {
  return handleLearnerRequest(request, 'sandbox/reset', 'Could not reset your sandbox. Try again.', async (session) =>
    jsonOk({ ok: true, deleted: await resetLearner(session.id) }),
  );
}
