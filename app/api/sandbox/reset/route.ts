import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk } from '@/lib/http/response';
import { admitCommand, clientAddress } from '@/lib/sandbox/admission';
import { resetLearner } from '@/lib/sandbox/learners';

/**
 * The Reset button. A request without a learner cookie has nothing to delete: it gets 0 without
 * any work on the sandbox server, and no identity is issued for it. A reset counts as a command
 * against the learner's and the address's rate limits (finding M3 of issue 10).
 */
export function POST(request: NextRequest) {
  return handleLearnerRequest(
    request,
    'sandbox/reset',
    'Could not reset your sandbox. Try again.',
    async (learner) => {
      if (learner.isNew) return jsonOk({ ok: true, deleted: 0 });
      await admitCommand(learner.id, clientAddress(request.headers));
      return jsonOk({ ok: true, deleted: await resetLearner(learner.id) });
    },
    { issueIdentity: false },
  );
}
