import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk, readJsonBody } from '@/lib/http/response';
import { STAMPEDE_LIMITS, STAMPEDE_STRATEGIES } from '@/lib/labs/patterns/stampede/stampede-experiment';
import { runStampedeFor } from '@/lib/labs/patterns/stampede/stampede-service';
import { admitCommand, clientAddress } from '@/lib/sandbox/admission';

const readersError = `must be a whole number from 1 to ${STAMPEDE_LIMITS.maxReaders}`;
const betaError = `must be a number from ${STAMPEDE_LIMITS.minBeta} to ${STAMPEDE_LIMITS.maxBeta}`;
const StampedeRequest = z.object({
  readers: z
    .number({ error: readersError })
    .int({ error: readersError })
    .min(1, { error: readersError })
    .max(STAMPEDE_LIMITS.maxReaders, { error: readersError }),
  strategy: z.enum(STAMPEDE_STRATEGIES, { error: `must be one of ${STAMPEDE_STRATEGIES.join(', ')}` }),
  beta: z
    .number({ error: betaError })
    .min(STAMPEDE_LIMITS.minBeta, { error: betaError })
    .max(STAMPEDE_LIMITS.maxBeta, { error: betaError })
    .optional(),
});

/** Lets a hot key expire under N readers with one strategy and answers the origin queries and latencies (≤ 10 s; 429 when busy). */
export function POST(request: NextRequest) {
  return handleLearnerRequest(
    request,
    'labs/patterns/stampede',
    'Could not run the stampede experiment. Try again.',
    async (learner) => {
      const body = await readJsonBody(request, StampedeRequest, 1024);
      await admitCommand(learner.id, clientAddress(request.headers));
      return jsonOk(await runStampedeFor(learner.id, body));
    },
  );
}
