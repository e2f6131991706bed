import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { limitWrites } from '@/lib/http/write-limit';
import { jsonDownload, jsonOk, readJsonBody } from '@/lib/http/response';
import { exportHistory, HISTORY_IMPORT_MAX_BYTES, importHistory } from '@/lib/srs/history-file';
import { DrillExport } from '@/lib/srs/types';

/** The learner's schedule and review history as a JSON file. */
export function GET(request: NextRequest) {
  return handleLearnerRequest(
    request,
    'drills/history',
    'Could not export your reviews. Try again.',
    async (learner) => {
      const file = await exportHistory(learner.id);
      return jsonDownload(file, `keyspace-reviews-${file.exportedAt.slice(0, 10)}.json`);
    },
  );
}

/** Merges an exported history into this learner's (the more recent state of each card wins). */
export function POST(request: NextRequest) {
  return handleLearnerRequest(request, 'drills/history', 'Could not import that file. Try again.', async (learner) => {
    await limitWrites(request, learner.id, 'import');
    const body = await readJsonBody(request, DrillExport, HISTORY_IMPORT_MAX_BYTES);
    return jsonOk({ ok: true, ...(await importHistory(learner.id, body)) });
  });
}
