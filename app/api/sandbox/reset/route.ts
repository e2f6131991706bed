import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk, readJsonBody } from '@/lib/http/response';
import { admitKeyBrowsing, clientAddress } from '@/lib/sandbox/admission';
import { DEFAULT_ENGINE, EngineField, type SandboxEngine } from '@/lib/sandbox/engines';
import { resetLearner } from '@/lib/sandbox/learners';
import { resetMemcachedKeys } from '@/lib/sandbox/memcached';

const ResetRequest = z.object({ engine: EngineField });

/** The engine to reset; the body is optional (without one, Valkey, as before engines). */
async function resetEngine(request: NextRequest): Promise<SandboxEngine> {
  if (!request.body || request.headers.get('content-length') === '0') return DEFAULT_ENGINE;
  return (await readJsonBody(request, ResetRequest, 1024)).engine;
}

/**
 * The Reset button. A request without a learner cookie has nothing to delete: it gets 0 without
 * any work on the sandbox server, and no identity is issued for it. A reset is rate-limited per learner
 * and per address like commands (in buckets of their own) (finding M3 of issue 10).
 */
export function POST(request: NextRequest) {
  return handleLearnerRequest(
    request,
    'sandbox/reset',
    'Could not reset your sandbox. Try again.',
    async (learner) => {
      const engine = await resetEngine(request);
      if (learner.isNew) return jsonOk({ ok: true, deleted: 0 });
      await admitKeyBrowsing(learner.id, clientAddress(request.headers));
      const deleted = engine === 'memcached' ? await resetMemcachedKeys(learner.id) : await resetLearner(learner.id);
      return jsonOk({ ok: true, deleted });
    },
    { issueIdentity: false },
  );
}
