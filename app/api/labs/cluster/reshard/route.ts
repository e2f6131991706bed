import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk, readJsonBody } from '@/lib/http/response';
import { reshardLab } from '@/lib/labs/cluster/lab-service';
import { admitCommand, clientAddress } from '@/lib/sandbox/admission';

const shard = z
  .number({ error: 'must be a shard number such as 1' })
  .int({ error: 'must be a shard number such as 1' });
const ReshardRequest = z.object({
  from: shard,
  to: shard,
  slots: z.number({ error: 'must be a number of slots' }).int({ error: 'must be a whole number of slots' }),
});

/** Starts moving `slots` slots with their keys from shard `from` to shard `to`; progress arrives on the timeline. */
export function POST(request: NextRequest) {
  return handleLearnerRequest(request, 'labs/cluster/reshard', 'Could not reshard. Try again.', async (learner) => {
    const body = await readJsonBody(request, ReshardRequest, 1024);
    await admitCommand(learner.id, clientAddress(request.headers));
    return jsonOk(await reshardLab(learner.id, body.from, body.to, body.slots));
  });
}
