import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonError, jsonOk, readJsonBody } from '@/lib/http/response';
import { recordQuizAnswer, UnknownContentError } from '@/lib/progress/store';

export const dynamic = 'force-dynamic';

const QuizAnswer = z.object({ choices: z.array(z.number().int().min(0).max(50), { error: 'must be a list of choice numbers, such as [1]' }).min(1).max(50) });

/** Scores and records an answer: `{"choices": [1]}` → `{"ok": true, "correct": true, …}`. */
export function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  return handleLearnerRequest(request, 'progress/quizzes', 'Could not save your answer. Try again.', async (session) => {
    const body = await readJsonBody(request, QuizAnswer, 4096);
    if (!body.ok) return body.response;
    try {
      return jsonOk({ ok: true, ...(await recordQuizAnswer(session.id, (await params).id, body.data.choices)) });
    } catch (error) {
      if (error instanceof UnknownContentError) return jsonError(404, 'not_found', error.message);
      throw error;
    }
  });
}
