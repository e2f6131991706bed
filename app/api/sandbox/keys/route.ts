import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk } from '@/lib/http/response';
import { admitKeyBrowsing, clientAddress } from '@/lib/sandbox/admission';
import { listLearnerKeys } from '@/lib/sandbox/key-browser';

/**
 * The key browser. A request without a learner cookie has no keys: it gets an empty list without
 * any work on the sandbox server, and no identity is issued for it. Listing is rate-limited per learner
 * and per address like commands (in buckets of their own) (finding M3 of issue 10).
 */
export function GET(request: NextRequest) {
  return handleLearnerRequest(
    request,
    'sandbox/keys',
    'Could not list your keys. Try again.',
    async (learner) => {
      if (learner.isNew) return jsonOk({ ok: true, keys: [], truncated: false });
      await admitKeyBrowsing(learner.id, clientAddress(request.headers));
      return jsonOk({ ok: true, ...(await listLearnerKeys(learner.id)) });
    },
    { issueIdentity: false },
  );
}
