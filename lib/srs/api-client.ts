/** The browser's side of the drill API. Every helper resolves; failures carry a message. */
import type { CardView, DrillCounts, DrillStats } from './drills';

export type ApiResult<T> = ({ ok: true } & T) | { ok: false; error: string };

async function call<T>(path: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  try {
    const response = await fetch(path, { credentials: 'same-origin', cache: 'no-store', ...init });
    const body = (await response.json().catch(() => null)) as ({ ok?: boolean; error?: string } & T) | null;
    if (response.ok && body && body.ok !== false) return { ...body, ok: true };
    if (body?.error) return { ok: false, error: body.error };
    if (response.status === 429) return { ok: false, error: `Too many requests. Try again in ${response.headers.get('Retry-After') ?? 'a few'} seconds.` };
    return { ok: false, error: `The server answered with HTTP ${response.status}. Try again in a moment.` };
  } catch {
    return { ok: false, error: 'Could not reach Keyspace. Check your connection and try again.' };
  }
}

const postJson = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const tz = () => new Date().getTimezoneOffset();

export type DrillBatch = { cards: CardView[]; counts: DrillCounts; nextDueAt: number | null };

export function fetchDrillBatch(tags: string[], cram: boolean): Promise<ApiResult<DrillBatch>> {
  const query = new URLSearchParams({ tz: String(tz()) });
  if (tags.length) query.set('tags', tags.join(','));
  if (cram) query.set('cram', '1');
  return call(`/api/drills?${query}`);
}

export const gradeCard = (cardId: string, grade: number, cram: boolean) => call<{ due: number | null }>('/api/drills/reviews', postJson({ cardId, grade, cram, tz: tz() }));
export const undoGrade = () => call<{ cardId: string | null }>('/api/drills/undo', { method: 'POST' });
export const saveNewPerDay = (newPerDay: number) => call<{ newPerDay: number }>('/api/drills/settings', postJson({ newPerDay }));
export const importReviewHistory = (file: unknown) => call<{ cards: number; reviews: number; skipped: number }>('/api/drills/history', postJson(file));
export const fetchDrillStats = () => call<DrillStats>(`/api/drills/stats?tz=${tz()}`);
