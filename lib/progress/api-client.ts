/** The browser's side of the progress API. Every helper resolves; failures carry a message. */
import type { QuizRecord, Progress } from './types';
import type { ProgressSummary } from './summary';

export type ProgressSnapshot = { progress: Progress; summary: ProgressSummary };
export type ApiResult<T> = ({ ok: true } & T) | { ok: false; error: string };

async function call<T>(path: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  try {
    const response = await fetch(path, { credentials: 'same-origin', cache: 'no-store', ...init });
    const body = (await response.json().catch(() => null)) as ({ ok?: boolean; error?: string } & T) | null;
    if (response.ok && body?.ok !== false && body) return { ...body, ok: true };
    if (body?.error) return { ok: false, error: body.error };
    if (response.status === 429) return { ok: false, error: `Too many requests. Try again in ${response.headers.get('Retry-After') ?? 'a few'} seconds.` };
    return { ok: false, error: `The server answered with HTTP ${response.status}. Try again in a moment.` };
  } catch {
    return { ok: false, error: 'Could not reach Keyspace. Check your connection and try again.' };
  }
}

const postJson = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

export const fetchProgress = () => call<ProgressSnapshot>('/api/progress');
export const markLessonRead = (slug: string) => call<object>(`/api/progress/lessons/${encodeURIComponent(slug)}`, { method: 'POST' });
export const answerQuiz = (id: string, choices: number[]) => call<QuizRecord>(`/api/progress/quizzes/${encodeURIComponent(id)}`, postJson({ choices }));
export const importProgressFile = (file: unknown) => call<{ imported: number; skipped: number }>('/api/progress/import', postJson(file));

export interface CheckResponse {
  passed: boolean;
  checks: { label: string; passed: boolean; detail: string }[];
}
export const checkChallenge = (id: string) => call<CheckResponse>(`/api/challenges/${encodeURIComponent(id)}/check`, { method: 'POST' });
