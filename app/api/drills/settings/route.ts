import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { limitWrites } from '@/lib/http/write-limit';
import { jsonOk, readJsonBody } from '@/lib/http/response';
import { setNewCardsPerDay } from '@/lib/srs/store';

const Settings = z.object({ newPerDay: z.number().int().min(0, 'must be 0 or more').max(200, 'must be 200 or fewer') });

/** The daily limit of new cards: `{"newPerDay": 20}`. */
export function POST(request: NextRequest) {
  return handleLearnerRequest(request, 'drills/settings', 'Could not save the setting. Try again.', async (learner) => {
    await limitWrites(request, learner.id);
    const body = await readJsonBody(request, Settings, 1024);
    await setNewCardsPerDay(learner.id, body.newPerDay);
    return jsonOk({ ok: true, newPerDay: body.newPerDay });
  });
}
