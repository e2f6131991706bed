import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { patternsRun } from '@/lib/labs/patterns/run-service';
import { runEventStream } from '@/lib/labs/patterns/run-events';

/** The run's status as Server-Sent Events: a `status` event each second, the last one when it ends. */
export function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  return handleLearnerRequest(
    request,
    'labs/patterns/runs/events',
    'Could not follow the run. Try again.',
    async (learner) => runEventStream(patternsRun(learner.id, (await params).id), request.signal),
    { issueIdentity: false },
  );
}
