import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk, readJsonBody } from '@/lib/http/response';
import { restartLabNode } from '@/lib/labs/cluster/lab-service';
import { admitCommand, clientAddress } from '@/lib/sandbox/admission';

const RestartRequest = z.object({
  node: z.string({ error: 'must be a node address such as "127.0.0.1:27001"' }),
});

/** Restarts a node that is down; it rejoins as a replica (the timeline says when). */
export function POST(request: NextRequest) {
  return handleLearnerRequest(
    request,
    'labs/cluster/restart',
    'Could not restart that node. Try again.',
    async (learner) => {
      const body = await readJsonBody(request, RestartRequest, 1024);
      await admitCommand(learner.id, clientAddress(request.headers));
      return jsonOk(await restartLabNode(learner.id, body.node));
    },
  );
}
