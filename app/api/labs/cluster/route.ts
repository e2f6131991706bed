import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk, readJsonBody } from '@/lib/http/response';
import { deleteLab, labTopologyOf, startLab } from '@/lib/labs/cluster/lab-service';
import { admitCommand, admitKeyBrowsing, clientAddress } from '@/lib/sandbox/admission';
import { AppError } from '@/lib/errors';

const StartRequest = z.object({
  shape: z.enum(['cluster', 'replication'], { error: 'must be "cluster" or "replication"' }),
});

/** Starts the learner's lab (or replaces one of the other shape) and answers with its topology; 503 + Retry-After at the cap. */
export function POST(request: NextRequest) {
  return handleLearnerRequest(request, 'labs/cluster', 'Could not start your lab. Try again.', async (learner) => {
    const body = await readJsonBody(request, StartRequest, 1024);
    await admitCommand(learner.id, clientAddress(request.headers));
    return jsonOk(await startLab(learner.id, body.shape));
  });
}

/** The learner's lab's live topology (polled about once a second), or 404 when they have none. */
export function GET(request: NextRequest) {
  return handleLearnerRequest(
    request,
    'labs/cluster',
    'Could not read your lab. Try again.',
    async (learner) => {
      if (learner.isNew)
        throw new AppError('not_found', 'You have no cluster lab running: start one first (POST /api/labs/cluster).');
      await admitKeyBrowsing(learner.id, clientAddress(request.headers));
      return jsonOk(await labTopologyOf(learner.id));
    },
    { issueIdentity: false },
  );
}

/** Stops and deletes the learner's lab; `deleted` says whether there was one. */
export function DELETE(request: NextRequest) {
  return handleLearnerRequest(
    request,
    'labs/cluster',
    'Could not stop your lab. Try again.',
    async (learner) => jsonOk({ ok: true, deleted: learner.isNew ? false : await deleteLab(learner.id) }),
    { issueIdentity: false },
  );
}
