import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk, readJsonBody } from '@/lib/http/response';
import { startInterview } from '@/lib/interview/service';
import { SessionRequest } from '@/lib/interview/types';

/** A new mock interview: `{"minutes": 15, "topics": ["caching-patterns"]}` → its questions with model answers and rubrics. */
export function POST(request: NextRequest) {
  return handleLearnerRequest(request, 'interview/sessions', 'Could not build an interview. Try again.', async () =>
    jsonOk({ ok: true, ...startInterview(await readJsonBody(request, SessionRequest, 4096)) }),
  );
}
