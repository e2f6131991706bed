import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { limitWrites } from '@/lib/http/write-limit';
import { jsonOk, readJsonBody } from '@/lib/http/response';
import { recordQuizAnswer } from '@/lib/progress/store';

const QuizAnswer = z.object({
  choices: z
    .array(z.number().int().min(0).max(50), { error: 'must be a list of choice numbers, such as [1]' })
    .min(1)
    .max(50),
});

/** Scores and records an answer: `{"choices": [1]}` → `{"ok": true, "correct": true, …}`. */
export function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  return handleLearnerRequest(
    request,
    'progress/quizzes',
    'Could not save your answer. Try again.',
    async (learner) => {
      await limitWrites(request, learner.id);
      const body = await readJsonBody(request, QuizAnswer, 4096);
      return jsonOk({ ok: true, ...(await recordQuizAnswer(learner.id, (await params).id, body.choices)) });
    },
  );
}
