import type { NextRequest } from 'next/server';
import { resetChallengeKeys } from '@/lib/challenges/reset-keys';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk } from '@/lib/http/response';
import { admitCommand, clientAddress } from '@/lib/sandbox/admission';

export function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  return handleLearnerRequest(
    request,
    'challenges/reset',
    "Something went wrong deleting this challenge's keys. Try again.",
    async (learner) => {
      await admitCommand(learner.id, clientAddress(request.headers));
      return jsonOk(await resetChallengeKeys(learner.id, (await params).id));
    },
  );
}
