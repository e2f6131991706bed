import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { limitWrites } from '@/lib/http/write-limit';
import { jsonOk, readJsonBody } from '@/lib/http/response';
import { GRADES } from '@/lib/srs/grades';
import { recordReview } from '@/lib/srs/store';

const Review = z.object({
  cardId: z.string().max(100),
  grade: z.literal(GRADES, { error: 'must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)' }),
  cram: z.boolean().default(false),
  tz: z.number().int().min(-840).max(720).default(0),
});

/** Grades a card: `{"cardId": "…", "grade": 3}`. In cram mode (`"cram": true`) the schedule is left alone. */
export function POST(request: NextRequest) {
  return handleLearnerRequest(request, 'drills/reviews', 'Could not save your grade. Try again.', async (learner) => {
    await limitWrites(request, learner.id);
    const body = await readJsonBody(request, Review, 4096);
    return jsonOk({
      ok: true,
      ...(await recordReview(learner.id, body.cardId, body.grade, new Date(), {
        cram: body.cram,
        tzOffsetMinutes: body.tz,
      })),
    });
  });
}
