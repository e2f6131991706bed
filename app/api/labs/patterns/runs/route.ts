import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk, readJsonBody } from '@/lib/http/response';
import { RunRequest } from '@/lib/labs/patterns/run-params';
import { startPatternsRun } from '@/lib/labs/patterns/run-service';
import { admitCommand, clientAddress } from '@/lib/sandbox/admission';

/** Starts a workload run: 202 `{ id }`; 400 beyond the bounds, 429 while the learner has one going. */
export function POST(request: NextRequest) {
  return handleLearnerRequest(request, 'labs/patterns/runs', 'Could not start the run. Try again.', async (learner) => {
    const params = await readJsonBody(request, RunRequest, 1024);
    await admitCommand(learner.id, clientAddress(request.headers));
    return jsonOk(await startPatternsRun(learner.id, params), 202);
  });
}
