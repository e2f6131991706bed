import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { limitWrites } from '@/lib/http/write-limit';
import { jsonOk, readJsonBody } from '@/lib/http/response';
import { importProgress, PROGRESS_IMPORT_MAX_BYTES } from '@/lib/progress/store';
import { ProgressExport } from '@/lib/progress/types';

/** Merges an exported progress file into this learner's progress; nothing recorded is lost. */
export function POST(request: NextRequest) {
  return handleLearnerRequest(request, 'progress/import', 'Could not import that file. Try again.', async (learner) => {
    await limitWrites(request, learner.id, 'import');
    const body = await readJsonBody(request, ProgressExport, PROGRESS_IMPORT_MAX_BYTES);
    return jsonOk({ ok: true, ...(await importProgress(learner.id, body.progress)) });
  });
}
