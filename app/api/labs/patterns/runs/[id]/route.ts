import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk } from '@/lib/http/response';
import { patternsRunStatus } from '@/lib/labs/patterns/run-service';

/** The run as it is now (poll about once a second): state, progress, one point per second, summary once done. */
export function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  return handleLearnerRequest(
    request,
    'labs/patterns/runs',
    'Could not read the run. Try again.',
    async (learner) => jsonOk(patternsRunStatus(learner.id, (await params).id)),
    { issueIdentity: false },
  );
}
