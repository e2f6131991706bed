import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk, readJsonBody } from '@/lib/http/response';
import { importProgress } from '@/lib/progress/store';
import { ProgressExport } from '@/lib/progress/types';

export const dynamic = 'force-dynamic';

/** Merges an exported progress file into this learner's progress; nothing recorded is lost. */
export function POST(request: NextRequest) {
  return handleLearnerRequest(request, 'progress/import', 'Could not import that file. Try again.', async (session) => {
    const body = await readJsonBody(request, ProgressExport, 1024 * 1024);
    if (!body.ok) return body.response;
    return jsonOk({ ok: true, ...(await importProgress(session.id, body.data.progress)) });
  });
}
