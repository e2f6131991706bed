import 'server-only';
import { AppError } from '@/lib/errors';
import { findChallenge } from '@/lib/content/lessons';
import { isSandboxChallenge } from '@/lib/content/schema';
import { UnknownContentError } from '@/lib/progress/store';
import { executeWhenIdle } from './when-idle';
import { hasLearnerSession, learnerSession } from '@/lib/sandbox/learners';
import { challengeKeys } from './challenge-keys';
import { quoteKey } from './check-text';
import type { ChallengeReset } from './types';

/**
 * Deletes exactly the keys a challenge's checks look at, in the learner's own keyspace, so the
 * challenge starts from a clean slate; the learner's other keys stay. Deletes go through the
 * sandbox pipeline like the learner's own commands (same isolation, key index and budget), one key
 * at a time so the answer can name each key that existed.
 */
export async function resetChallengeKeys(learnerId: string, challengeId: string): Promise<ChallengeReset> {
  const challenge = findChallenge(challengeId);
  if (!challenge) throw new UnknownContentError('There is no such challenge. Reload the lesson: it may have changed.');
  // A DEL inside an open MULTI would only be queued, and run later by the learner's EXEC.
  if (hasLearnerSession(learnerId) && learnerSession(learnerId).inTransaction)
    throw new AppError('bad_request', 'You are inside MULTI: run EXEC or DISCARD first, then reset the keys again.');
  // A lab challenge's state is the lab itself (slots, roles): the lab panel's Delete starts it over.
  // A patterns challenge's is the learner's recorded results, which new runs replace.
  if (!isSandboxChallenge(challenge.spec)) return { keys: [], deleted: [] };
  const keys = challengeKeys(challenge.spec);
  const deleted: string[] = [];
  for (const key of keys) {
    const outcome = await executeWhenIdle(learnerId, `DEL ${quoteKey(key)}`);
    if (outcome.kind === 'rejected') throw new AppError('bad_request', `Could not delete ${key}: ${outcome.error}`);
    const { reply } = outcome.body;
    if (typeof reply === 'object' && reply !== null && 'integer' in reply && reply.integer === '1') deleted.push(key);
  }
  return { keys, deleted };
}
