import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk, readJsonBody } from '@/lib/http/response';
import { admitCommand, clientAddress } from '@/lib/sandbox/admission';
import { recordCommandUse } from '@/lib/sandbox/command-usage';
import { EngineField } from '@/lib/sandbox/engine-request';
import { executeLine } from '@/lib/sandbox/execute';
import { sandboxLimits } from '@/lib/sandbox/limits';
import { executeMemcachedLine } from '@/lib/sandbox/memcached';

const ExecRequest = z.object({
  command: z.string({ error: 'must be a string holding one command line' }),
  /** The console the line was typed in (its live stream carries subscriptions and invalidations). */
  console: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be the console id the page made (8 to 64 letters, digits, - or _)')
    .optional(),
  /** Which engine runs the line: Valkey (the default) or Redis OSS through one pipeline, Memcached apart. */
  engine: EngineField,
});

const REJECTION_CODES = { 400: 'bad_request', 413: 'payload_too_large', 429: 'rate_limited' } as const;

export function POST(request: NextRequest) {
  return handleLearnerRequest(
    request,
    'sandbox/exec',
    'Something went wrong running that command. Try again.',
    async (learner) => {
      // Read once per request: each read parses every limit from the environment.
      const limits = sandboxLimits();
      // JSON escaping can make a line six times longer; the line itself is checked against its limit.
      const body = await readJsonBody(request, ExecRequest, limits.maxLineBytes * 6 + 1024);
      await admitCommand(learner.id, clientAddress(request.headers), limits);
      const outcome =
        body.engine === 'memcached'
          ? await executeMemcachedLine(learner.id, body.command, limits)
          : await executeLine(learner.id, body.command, limits, body.console, body.engine);
      if (outcome.kind === 'reply') {
        // After the line was parsed and judged: only a name the policy accepted is kept (finding H1).
        if (body.engine !== 'memcached') recordCommandUse(learner.id, body.command);
        return jsonOk(outcome.body);
      }
      throw new AppError(REJECTION_CODES[outcome.status], outcome.error, {
        text: outcome.text,
        retryAfterSeconds: outcome.retryAfterSeconds,
      });
    },
  );
}
