import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { limitWrites } from '@/lib/http/write-limit';
import { jsonOk } from '@/lib/http/response';
import { recordLessonVisit } from '@/lib/progress/store';

/** Remembers the lesson the learner opened (the page calls this on load), so "Continue" leads back. */
export function POST(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  return handleLearnerRequest(
    request,
    'progress/lessons/visit',
    'Could not save where you are. Try again.',
    async (learner) => {
      await limitWrites(request, learner.id);
      await recordLessonVisit(learner.id, (await params).slug);
      return jsonOk({ ok: true });
    },
  );
}
