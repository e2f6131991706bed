import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { limitWrites } from '@/lib/http/write-limit';
import { jsonOk } from '@/lib/http/response';
import { recordLessonRead } from '@/lib/progress/store';

/** Marks the lesson read (the page calls this when the learner reaches its end). */
export function POST(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  return handleLearnerRequest(
    request,
    'progress/lessons',
    'Could not save your progress. Try again.',
    async (learner) => {
      await limitWrites(request, learner.id);
      await recordLessonRead(learner.id, (await params).slug);
      return jsonOk({ ok: true });
    },
  );
}
