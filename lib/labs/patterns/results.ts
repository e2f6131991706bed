/**
 * Each learner's recorded patterns-lab results, in the app's Valkey (where drills and progress
 * live): one list per kind, newest first, the last RESULTS_KEPT kept, expiring RESULTS_TTL_SECONDS
 * after the latest. The challenge checker reads them (a run's result is its final GET body).
 */
import 'server-only';
import { getValkey } from '@/lib/valkey/connections';
import { patternsResultsKey } from '@/lib/valkey/keys';
import type { ResultKind } from './api-types';

export type { ResultKind } from './api-types';

export const RESULTS_KEPT = 20;
export const RESULTS_TTL_SECONDS = 30 * 24 * 60 * 60;

/** A recorded result, with when it was recorded. */
export type RecordedResult<T = unknown> = T & { recordedAt: string };

export async function recordResult(learnerId: string, kind: ResultKind, result: object): Promise<void> {
  const key = patternsResultsKey(learnerId, kind);
  const entry = JSON.stringify({ ...result, recordedAt: new Date().toISOString() });
  await (
    await getValkey('app')
  )
    .multi()
    .lpush(key, entry)
    .ltrim(key, 0, RESULTS_KEPT - 1)
    .expire(key, RESULTS_TTL_SECONDS)
    .exec();
}

/** The learner's latest results of a kind, newest first (at most `limit`, at most RESULTS_KEPT). */
export async function latestResults<T = unknown>(
  learnerId: string,
  kind: ResultKind,
  limit = RESULTS_KEPT,
): Promise<RecordedResult<T>[]> {
  const count = Math.max(0, Math.min(limit, RESULTS_KEPT));
  if (count === 0) return [];
  const entries = await (await getValkey('app')).lrange(patternsResultsKey(learnerId, kind), 0, count - 1);
  return entries.flatMap((entry) => {
    try {
      return [JSON.parse(entry) as RecordedResult<T>];
    } catch {
      return [];
    }
  });
}
