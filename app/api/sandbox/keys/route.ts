import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk } from '@/lib/http/response';
import { admitCommand, clientAddress } from '@/lib/sandbox/admission';
import { listLearnerKeys } from '@/lib/sandbox/key-browser';

/**
 * The key browser. A request without a learner cookie has no keys: it gets an empty list without
 * any work on the sandbox server, and no identity is issued for it. Listing counts as a command
 * against the learner's and the address's rate limits (finding M3 of issue 10).
 */
export function GET(request: NextRequest) {
  return handleLearnerRequest(
    request,
    'sandbox/keys',
    'Could not list your keys. Try again.',
    async (learner) => {
      if (learner.isNew) return jsonOk({ ok: true, keys: [], truncated: false });
      await admitCommand(learner.id, clientAddress(request.headers));
      return jsonOk({ ok: true, ...(await listLearnerKeys(learner.id)) });
    },
    { issueIdentity: false },
  );
}
