import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk } from '@/lib/http/response';
import { runWriteLossExperiment } from '@/lib/labs/cluster/lab-service';
import { admitCommand, clientAddress } from '@/lib/sandbox/admission';

/**
 * Starts the write-loss experiment on the learner's lab and answers at once with the topology;
 * its figures arrive in the topology's `writeLoss` (about 15 s: two kills, two restarts).
 */
export function POST(request: NextRequest) {
  return handleLearnerRequest(
    request,
    'labs/cluster/write-loss',
    'Could not run the experiment. Try again.',
    async (learner) => {
      await admitCommand(learner.id, clientAddress(request.headers));
      return jsonOk(await runWriteLossExperiment(learner.id));
    },
  );
}
