import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk, readJsonBody } from '@/lib/http/response';
import { execLabCommand } from '@/lib/labs/cluster/lab-service';
import { admitCommand, clientAddress } from '@/lib/sandbox/admission';
import { sandboxLimits } from '@/lib/sandbox/limits';

const ExecRequest = z.object({
  command: z.string({ error: 'must be a string holding one command line' }),
  mode: z.enum(['cluster', 'node', 'primary', 'reader'], { error: 'must be "cluster", "node", "primary" or "reader"' }),
  node: z.string({ error: 'must be a node address such as "127.0.0.1:27001"' }).optional(),
});

const REJECTION_CODES = { 400: 'bad_request', 413: 'payload_too_large', 429: 'rate_limited' } as const;

/** One console line in the learner's lab: the sandbox's exec body plus `node`, who answered. */
export function POST(request: NextRequest) {
  return handleLearnerRequest(
    request,
    'labs/cluster/exec',
    'Something went wrong running that command. Try again.',
    async (learner) => {
      const limits = sandboxLimits();
      const body = await readJsonBody(request, ExecRequest, limits.maxLineBytes * 6 + 1024);
      await admitCommand(learner.id, clientAddress(request.headers), limits);
      const outcome = await execLabCommand(learner.id, body.command, body.mode, body.node);
      if (outcome.kind === 'reply') return jsonOk(outcome.body);
      throw new AppError(REJECTION_CODES[outcome.status], outcome.error, {
        text: outcome.text,
        retryAfterSeconds: outcome.retryAfterSeconds,
      });
    },
  );
}
