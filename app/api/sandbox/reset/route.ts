import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk } from '@/lib/http/response';
import { admitKeyBrowsing, clientAddress } from '@/lib/sandbox/admission';
import { readEngineBody } from '@/lib/sandbox/engine-request';
import { resetLearner } from '@/lib/sandbox/learners';
import { resetMemcachedKeys } from '@/lib/sandbox/memcached';

/**
 * The Reset button, for one engine (`{"engine"?}`; an empty body means Valkey). A request without a
 * learner cookie has nothing to delete: it gets 0 without any work on a sandbox server, and no
 * identity is issued for it. A reset is rate-limited per learner and per address like commands
 * (in buckets of their own) (finding M3 of issue 10).
 */
export function POST(request: NextRequest) {
  return handleLearnerRequest(
    request,
    'sandbox/reset',
    'Could not reset your sandbox. Try again.',
    async (learner) => {
      const engine = await readEngineBody(request);
      if (learner.isNew) return jsonOk({ ok: true, deleted: 0 });
      await admitKeyBrowsing(learner.id, clientAddress(request.headers));
      const deleted =
        engine === 'memcached' ? await resetMemcachedKeys(learner.id) : await resetLearner(learner.id, engine);
      return jsonOk({ ok: true, deleted });
    },
    { issueIdentity: false },
  );
}
