/** The browser's side of the progress API. Every helper resolves; failures carry a message. */
import { callApi, postJson } from '@/lib/http/api-client';
import type { QuizRecord, Progress } from './types';
import type { ProgressSummary } from './summary';

export type ProgressSnapshot = { progress: Progress; summary: ProgressSummary };
export const fetchProgress = () => callApi<ProgressSnapshot>('/api/progress');
export const markLessonRead = (slug: string) =>
  callApi<object>(`/api/progress/lessons/${encodeURIComponent(slug)}`, { method: 'POST' });
export const answerQuiz = (id: string, choices: number[]) =>
  callApi<QuizRecord>(`/api/progress/quizzes/${encodeURIComponent(id)}`, postJson({ choices }));
export const importProgressFile = (file: unknown) =>
  callApi<{ imported: number; skipped: number }>('/api/progress/import', postJson(file));
export const markLessonVisited = (slug: string) =>
  callApi<object>(`/api/progress/lessons/${encodeURIComponent(slug)}/visit`, { method: 'POST' });
