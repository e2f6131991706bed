import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk } from '@/lib/http/response';
import { repairLabOpenSlots } from '@/lib/labs/cluster/lab-service';
import { admitCommand, clientAddress } from '@/lib/sandbox/admission';

/**
 * Repairs the slots left half moved by hand (CLUSTER SETSLOT … MIGRATING/IMPORTING without the
 * end of the move) as `valkey-cli --cluster fix` does, and answers with the topology; what was
 * repaired is on the timeline.
 */
export function POST(request: NextRequest) {
  return handleLearnerRequest(
    request,
    'labs/cluster/repair',
    'Could not repair the open slots. Try again.',
    async (learner) => {
      await admitCommand(learner.id, clientAddress(request.headers));
      return jsonOk(await repairLabOpenSlots(learner.id));
    },
  );
}
