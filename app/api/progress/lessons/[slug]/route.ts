import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonError, jsonOk } from '@/lib/http/response';
import { recordLessonRead, UnknownContentError } from '@/lib/progress/store';

export const dynamic = 'force-dynamic';

/** Marks the lesson read (the page calls this when the learner reaches its end). */
export function POST(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  return handleLearnerRequest(request, 'progress/lessons', 'Could not save your progress. Try again.', async (session) => {
    try {
      await recordLessonRead(session.id, (await params).slug);
    } catch (error) {
      if (error instanceof UnknownContentError) return jsonError(404, 'not_found', error.message);
      throw error;
    }
    return jsonOk({ ok: true });
  });
}
