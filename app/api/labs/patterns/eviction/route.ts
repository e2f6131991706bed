import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk, readJsonBody } from '@/lib/http/response';
import { EVICTION_POLICIES } from '@/lib/labs/patterns/eviction/eviction-experiment';
import { runEvictionFor } from '@/lib/labs/patterns/eviction/eviction-service';
import { admitCommand, clientAddress } from '@/lib/sandbox/admission';

const EvictionRequest = z.object({
  policy: z.enum(EVICTION_POLICIES, { error: `must be one of ${EVICTION_POLICIES.join(', ')}` }),
});

/** Fills the lab's small-maxmemory Valkey under one policy and answers what it evicted and refused (≤ 10 s; 429 when busy). */
export function POST(request: NextRequest) {
  return handleLearnerRequest(
    request,
    'labs/patterns/eviction',
    'Could not run the eviction experiment. Try again.',
    async (learner) => {
      const body = await readJsonBody(request, EvictionRequest, 1024);
      await admitCommand(learner.id, clientAddress(request.headers));
      return jsonOk(await runEvictionFor(learner.id, body.policy));
    },
  );
}
