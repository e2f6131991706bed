import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk } from '@/lib/http/response';
import { listLearnerKeys } from '@/lib/sandbox/key-browser';

export function GET(request: NextRequest) {
  return handleLearnerRequest(request, 'sandbox/keys', 'Could not list your keys. Try again.', async (learner) =>
    jsonOk({ ok: true, ...(await listLearnerKeys(learner.id)) }),
  );
}
