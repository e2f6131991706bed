import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk, readJsonBody } from '@/lib/http/response';
import { reshardLab, resumeLabReshard } from '@/lib/labs/cluster/lab-service';
import { admitCommand, clientAddress } from '@/lib/sandbox/admission';

const shard = z
  .number({ error: 'must be a shard number such as 1' })
  .int({ error: 'must be a shard number such as 1' });
const ReshardRequest = z.union([
  z.strictObject({
    from: shard,
    to: shard,
    slots: z.number({ error: 'must be a number of slots' }).int({ error: 'must be a whole number of slots' }),
    pauseAfterKeys: z
      .number({ error: 'must be a number of keys' })
      .int({ error: 'must be a whole number of keys' })
      .min(0, { error: 'must be 0 or more' })
      .optional(),
  }),
  z.strictObject({ resume: z.literal(true, { error: 'must be true' }) }),
]);

/**
 * Starts moving `slots` slots with their keys from shard `from` to shard `to` (paused in the
 * middle of a slot after `pauseAfterKeys` keys, if given), or with `{"resume": true}` finishes
 * the paused one; progress arrives on the timeline.
 */
export function POST(request: NextRequest) {
  return handleLearnerRequest(request, 'labs/cluster/reshard', 'Could not reshard. Try again.', async (learner) => {
    const body = await readJsonBody(request, ReshardRequest, 1024);
    await admitCommand(learner.id, clientAddress(request.headers));
    if ('resume' in body) return jsonOk(await resumeLabReshard(learner.id));
    return jsonOk(await reshardLab(learner.id, body.from, body.to, body.slots, undefined, body.pauseAfterKeys));
  });
}
