/** The browser's side of the interview API. Every helper resolves; failures carry a message. */
import type { ApiResult } from '@/lib/progress/api-client';
import type { InterviewHistory, InterviewSession, InterviewSummary, ResultRequest, SessionRequest } from './types';

async function call<T>(path: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  try {
    const response = await fetch(path, { credentials: 'same-origin', cache: 'no-store', ...init });
    const body = (await response.json().catch(() => null)) as ({ ok?: boolean; error?: string } & T) | null;
    if (response.ok && body?.ok !== false && body) return { ...body, ok: true };
    if (body?.error) return { ok: false, error: body.error };
    return { ok: false, error: `The server answered with HTTP ${response.status}. Try again in a moment.` };
  } catch {
    return { ok: false, error: 'Could not reach Keyspace. Check your connection and try again.' };
  }
}

const postJson = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

export const startInterviewSession = (request: SessionRequest) => call<InterviewSession>('/api/interview/sessions', postJson(request));
export const submitInterviewResult = (request: ResultRequest) => call<InterviewSummary>('/api/interview/results', postJson(request));
/** Recent interviews and per-topic average scores, for the dashboard. */
export const fetchInterviewResults = () => call<InterviewHistory>('/api/interview/results');
