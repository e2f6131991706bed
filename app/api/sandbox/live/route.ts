import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { readQuery } from '@/lib/http/response';
import { admitCommand, clientAddress } from '@/lib/sandbox/admission';
import { EngineField } from '@/lib/sandbox/engine-request';
import { isRespEngine, LIVE_NEEDS_RESP_ENGINE, sandboxRoleFor } from '@/lib/sandbox/engine-routing';
import { hasLearnerSessionOn, makeRoomForLearner } from '@/lib/sandbox/learners';
import { sandboxLimits } from '@/lib/sandbox/limits';
import { openLiveStream } from '@/lib/sandbox/live/live-consoles';
import { assertResponsive, getValkey } from '@/lib/valkey/connections';

// A stream per request, never cached or prerendered.
export const dynamic = 'force-dynamic';

const LiveQuery = z.object({
  console: z
    .string({ error: 'must be the console id the page made' })
    .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be the console id the page made (8 to 64 letters, digits, - or _)'),
  engine: EngineField,
});

/**
 * A console's live stream (Server-Sent Events) on one engine (`?engine=valkey|redis`, Valkey when
 * left out): `ready` once its subscriber connection is signed in on that engine's server, then
 * `message` for each message or invalidation (as valkey-cli / redis-cli prints it), `notice` for
 * dropped messages, and `end` with the reason when it closes. Aborting the request (closing the
 * page, Stop listening, switching the console to another engine) closes the connection and ends
 * every subscription it holds.
 */
export function GET(request: NextRequest) {
  return handleLearnerRequest(
    request,
    'sandbox/live',
    'Could not open the live console. Try again.',
    async (learner) => {
      const query = readQuery(request, LiveQuery);
      if (!isRespEngine(query.engine)) throw new AppError('bad_request', LIVE_NEEDS_RESP_ENGINE);
      const engine = query.engine;
      const limits = sandboxLimits();
      await admitCommand(learner.id, clientAddress(request.headers), limits);
      // An optional engine's server that is not configured or not up: a 503, as on exec.
      assertResponsive(sandboxRoleFor(engine));
      if (engine !== 'valkey') await getValkey(sandboxRoleFor(engine));
      if (!hasLearnerSessionOn(learner.id, engine) && !makeRoomForLearner(limits.maxLearners, engine))
        throw new AppError('rate_limited', 'ERR the sandbox is full right now: try again in a minute.', {
          retryAfterSeconds: 60,
        });
      const outcome = await openLiveStream(learner.id, query.console, request.signal, undefined, engine);
      if (!outcome.ok)
        throw new AppError('rate_limited', outcome.error, { text: `(error) ${outcome.error}`, retryAfterSeconds: 5 });
      return new NextResponse(outcome.stream, {
        headers: {
          'Content-Type': 'text/event-stream; charset=utf-8',
          'Cache-Control': 'no-cache, no-transform',
          Connection: 'keep-alive',
          // Proxies such as nginx must pass each event on at once.
          'X-Accel-Buffering': 'no',
        },
      });
    },
  );
}
