import 'server-only';
/**
 * Finished mock interviews in the app's Valkey (append-only, so they survive restarts):
 *   keyspace:{id}:interviews  LIST  result JSON, newest first, capped at MAX_STORED_INTERVIEWS
 * The learner id is the hash tag, like every other key of the learner, so the key shares their
 * cluster slot. Per-topic averages are computed on read from the stored sessions.
 */
import { getValkey } from '@/lib/valkey/connections';
import { topicAverages } from './scoring';
import type { InterviewHistory, InterviewResult } from './types';

export const MAX_STORED_INTERVIEWS = 50;

export const interviewKey = (learnerId: string) => `keyspace:{${learnerId}}:interviews`;

export async function saveInterviewResult(learnerId: string, result: InterviewResult): Promise<void> {
  const key = interviewKey(learnerId);
  await (await getValkey('app')).multi().lpush(key, JSON.stringify(result)).ltrim(key, 0, MAX_STORED_INTERVIEWS - 1).exec();
}

/** The learner's recent interviews (newest first, at most `limit`) and per-topic averages over every stored one. */
export async function readInterviewResults(learnerId: string, limit = 20): Promise<InterviewHistory> {
  const stored = await (await getValkey('app')).lrange(interviewKey(learnerId), 0, MAX_STORED_INTERVIEWS - 1);
  const sessions = stored.flatMap((json) => {
    try {
      return [JSON.parse(json) as InterviewResult];
    } catch {
      // One unreadable entry must not hide the others.
      return [];
    }
  });
  return { sessions: sessions.slice(0, limit), topics: topicAverages(sessions) };
}
