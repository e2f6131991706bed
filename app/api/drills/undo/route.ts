import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { limitWrites } from '@/lib/http/write-limit';
import { jsonOk } from '@/lib/http/response';
import { undoLastReview } from '@/lib/srs/store';

/** Takes back the last grade; `cardId` is null when there is nothing to undo. */
export function POST(request: NextRequest) {
  return handleLearnerRequest(request, 'drills/undo', 'Could not undo. Try again.', async (learner) => {
    await limitWrites(request, learner.id);
    const undone = await undoLastReview(learner.id);
    return jsonOk({ ok: true, cardId: undone?.cardId ?? null });
  });
}
