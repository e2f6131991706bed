import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonError, jsonOk, readJsonBody } from '@/lib/http/response';
import { assertGrade } from '@/lib/srs/service';
import { recordReview, UnknownCardError } from '@/lib/srs/store';

export const dynamic = 'force-dynamic';

const Review = z.object({
  cardId: z.string().max(100),
  grade: z.number().int({ error: 'must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)' }),
  cram: z.boolean().default(false),
  tz: z.number().int().min(-840).max(720).default(0),
});

/** Grades a card: `{"cardId": "…", "grade": 3}`. In cram mode (`"cram": true`) the schedule is left alone. */
export function POST(request: NextRequest) {
  return handleLearnerRequest(request, 'drills/reviews', 'Could not save your grade. Try again.', async (session) => {
    const body = await readJsonBody(request, Review, 4096);
    if (!body.ok) return body.response;
    try {
      const result = await recordReview(session.id, body.data.cardId, assertGrade(body.data.grade), new Date(), { cram: body.data.cram, tzOffsetMinutes: body.data.tz });
      return jsonOk({ ok: true, ...result });
    } catch (error) {
      if (error instanceof UnknownCardError) return jsonError(400, 'bad_request', error.message);
      throw error;
    }
  });
}
