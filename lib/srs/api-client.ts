/** The browser's side of the drill API. Every helper resolves; failures carry a message. */
import { callApi, postJson, type ApiResult } from '@/lib/http/api-client';
import type { DrillQueue, DrillStats } from './types';

const tz = () => new Date().getTimezoneOffset();

export function fetchDrillBatch(tags: string[], cram: boolean): Promise<ApiResult<DrillQueue>> {
  const query = new URLSearchParams({ tz: String(tz()) });
  if (tags.length) query.set('tags', tags.join(','));
  if (cram) query.set('cram', '1');
  return callApi(`/api/drills?${query}`);
}

export const gradeCard = (cardId: string, grade: number, cram: boolean) =>
  callApi<{ due: number | null }>('/api/drills/reviews', postJson({ cardId, grade, cram, tz: tz() }));
export const undoGrade = () => callApi<{ cardId: string | null }>('/api/drills/undo', { method: 'POST' });
export const saveNewPerDay = (newPerDay: number) =>
  callApi<{ newPerDay: number }>('/api/drills/settings', postJson({ newPerDay }));
export const importReviewHistory = (file: unknown) =>
  callApi<{ cards: number; reviews: number; skipped: number }>('/api/drills/history', postJson(file));
export const fetchDrillStats = () => callApi<DrillStats>(`/api/drills/stats?tz=${tz()}`);
