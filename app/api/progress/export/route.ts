import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonDownload } from '@/lib/http/response';
import { exportProgress } from '@/lib/progress/service';

/** The learner's progress as a file to import in another browser. */
export function GET(request: NextRequest) {
  return handleLearnerRequest(
    request,
    'progress/export',
    'Could not export your progress. Try again.',
    async (learner) => {
      const file = await exportProgress(learner.id);
      return jsonDownload(file, `keyspace-progress-${file.exportedAt.slice(0, 10)}.json`);
    },
  );
}
