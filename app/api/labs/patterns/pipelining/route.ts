import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk, readJsonBody } from '@/lib/http/response';
import { PIPELINING_LIMITS } from '@/lib/labs/patterns/pipelining/pipelining-types';
import { runPipeliningFor } from '@/lib/labs/patterns/pipelining/pipelining-service';
import { admitCommand, clientAddress } from '@/lib/sandbox/admission';

const { minCommands, maxCommands, minLatencyMs, maxLatencyMs, maxCommandMilliseconds } = PIPELINING_LIMITS;
const commandsError = `must be a whole number from ${minCommands} to ${maxCommands}`;
const latencyError = `must be a whole number of milliseconds from ${minLatencyMs} to ${maxLatencyMs}`;
const PipeliningRequest = z
  .object({
    commands: z
      .number({ error: commandsError })
      .int({ error: commandsError })
      .min(minCommands, { error: commandsError })
      .max(maxCommands, { error: commandsError }),
    latencyMs: z
      .number({ error: latencyError })
      .int({ error: latencyError })
      .min(minLatencyMs, { error: latencyError })
      .max(maxLatencyMs, { error: latencyError }),
  })
  .refine((body) => body.commands * body.latencyMs <= maxCommandMilliseconds, {
    error: `commands × latencyMs must be at most ${maxCommandMilliseconds} (one command per round trip would wait too long)`,
  });

/** Sends N writes and N reads four ways (one by one, one pipeline, batches of 100, MSET/MGET) and answers each one's time (≤ 10 s; 429 when busy). */
export function POST(request: NextRequest) {
  return handleLearnerRequest(
    request,
    'labs/patterns/pipelining',
    'Could not run the pipelining experiment. Try again.',
    async (learner) => {
      const body = await readJsonBody(request, PipeliningRequest, 1024);
      await admitCommand(learner.id, clientAddress(request.headers));
      return jsonOk(await runPipeliningFor(learner.id, body));
    },
  );
}
