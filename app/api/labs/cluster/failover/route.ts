import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk, readJsonBody } from '@/lib/http/response';
import { failoverShard } from '@/lib/labs/cluster/lab-service';
import { admitCommand, clientAddress } from '@/lib/sandbox/admission';

const FailoverRequest = z.object({
  shard: z.number({ error: 'must be a shard number such as 1' }).int({ error: 'must be a shard number such as 1' }),
  kind: z.enum(['graceful', 'kill'], { error: 'must be "graceful" or "kill"' }),
});

/** Starts a failover and answers at once with the topology; its steps arrive on the timeline. */
export function POST(request: NextRequest) {
  return handleLearnerRequest(request, 'labs/cluster/failover', 'Could not fail over. Try again.', async (learner) => {
    const body = await readJsonBody(request, FailoverRequest, 1024);
    await admitCommand(learner.id, clientAddress(request.headers));
    return jsonOk(await failoverShard(learner.id, body.shard, body.kind));
  });
}
