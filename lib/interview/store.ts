import 'server-only';
/**
 * Finished mock interviews in the app's Valkey (append-only, so they survive restarts): one list
 * per learner (lib/valkey/keys.ts), newest first, capped at MAX_STORED_INTERVIEWS. Per-topic
 * averages are computed on read from the stored sessions; a corrupt entry is skipped.
 */
import { getValkey } from '@/lib/valkey/connections';
import { interviewKey } from '@/lib/valkey/keys';
import { parseStoredJson } from '@/lib/valkey/stored-json';
import { topicAverages } from './scoring';
import { InterviewResult, type InterviewHistory } from './types';

export const MAX_STORED_INTERVIEWS = 50;

export async function saveInterviewResult(learnerId: string, result: InterviewResult): Promise<void> {
  const key = interviewKey(learnerId);
  await (
    await getValkey('app')
  )
    .multi()
    .lpush(key, JSON.stringify(result))
    .ltrim(key, 0, MAX_STORED_INTERVIEWS - 1)
    .exec();
}

/** The learner's recent interviews (newest first, at most `limit`) and per-topic averages over every stored one. */
export async function readInterviewResults(learnerId: string, limit = 20): Promise<InterviewHistory> {
  const stored = await (await getValkey('app')).lrange(interviewKey(learnerId), 0, MAX_STORED_INTERVIEWS - 1);
  const sessions = stored.flatMap((json) => parseStoredJson(InterviewResult, json, 'interview result') ?? []);
  return { sessions: sessions.slice(0, limit), topics: topicAverages(sessions) };
}
