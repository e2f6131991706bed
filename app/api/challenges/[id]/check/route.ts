import type { NextRequest } from 'next/server';
import { checkAndRecordChallenge } from '@/lib/challenges/check-and-record';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk } from '@/lib/http/response';
import { admitCommand, clientAddress } from '@/lib/sandbox/admission';

export function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  return handleLearnerRequest(
    request,
    'challenges/check',
    'Something went wrong checking your work. Try again.',
    async (learner) => {
      await admitCommand(learner.id, clientAddress(request.headers));
      return jsonOk(await checkAndRecordChallenge(learner.id, (await params).id));
    },
  );
}
