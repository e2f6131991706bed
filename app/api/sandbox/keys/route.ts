import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk } from '@/lib/http/response';
import { admitKeyBrowsing, clientAddress } from '@/lib/sandbox/admission';
import { readEngineQuery } from '@/lib/sandbox/engine-request';
import { listLearnerKeys } from '@/lib/sandbox/key-browser';
import { listMemcachedKeys } from '@/lib/sandbox/memcached';

/**
 * The key browser, for one engine (`?engine=`, Valkey when left out). A request without a learner
 * cookie has no keys: it gets an empty list without any work on a sandbox server, and no identity
 * is issued for it. Listing is rate-limited per learner and per address like commands (in buckets
 * of their own) (finding M3 of issue 10).
 */
export function GET(request: NextRequest) {
  return handleLearnerRequest(
    request,
    'sandbox/keys',
    'Could not list your keys. Try again.',
    async (learner) => {
      const engine = readEngineQuery(request);
      if (learner.isNew) return jsonOk({ ok: true, keys: [], truncated: false });
      await admitKeyBrowsing(learner.id, clientAddress(request.headers));
      const listed =
        engine === 'memcached' ? await listMemcachedKeys(learner.id) : await listLearnerKeys(learner.id, engine);
      return jsonOk({ ok: true, ...listed });
    },
    { issueIdentity: false },
  );
}
