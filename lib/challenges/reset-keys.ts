import 'server-only';
import { AppError } from '@/lib/errors';
import { findChallenge } from '@/lib/content/lessons';
import { challengeEngine } from '@/lib/content/challenge-schema';
import { isSandboxChallenge } from '@/lib/content/schema';
import type { SandboxEngine } from '@/lib/sandbox/engines';
import { UnknownContentError } from '@/lib/progress/store';
import { executeWhenIdle } from './when-idle';
import { hasLearnerSessionOn, learnerSession } from '@/lib/sandbox/learners';
import { challengeKeys } from './challenge-keys';
import { quoteKey } from './check-text';
import type { ChallengeReset } from './types';

/** Deletes one key on an engine through the learner's pipeline; true if it existed. */
async function deleteKey(learnerId: string, key: string, engine: SandboxEngine): Promise<boolean> {
  const line = engine === 'memcached' ? `delete ${key}` : `DEL ${quoteKey(key)}`;
  const outcome = await executeWhenIdle(learnerId, line, engine);
  if (outcome.kind === 'rejected') throw new AppError('bad_request', `Could not delete ${key}: ${outcome.error}`);
  if (engine === 'memcached') return outcome.body.text === 'DELETED';
  const { reply } = outcome.body;
  return typeof reply === 'object' && reply !== null && 'integer' in reply && reply.integer === '1';
}

/**
 * Deletes exactly the keys a challenge's checks look at, in the learner's own keyspace on the
 * challenge's engine, so the challenge starts from a clean slate; the learner's other keys stay. Deletes go through the
 * sandbox pipeline like the learner's own commands (same isolation, key index and budget), one key
 * at a time so the answer can name each key that existed.
 */
export async function resetChallengeKeys(learnerId: string, challengeId: string): Promise<ChallengeReset> {
  const challenge = findChallenge(challengeId);
  if (!challenge) throw new UnknownContentError('There is no such challenge. Reload the lesson: it may have changed.');
  // A lab challenge's state is the lab itself (slots, roles): the lab panel's Delete starts it over.
  // A patterns challenge's is the learner's recorded results, which new runs replace.
  if (!isSandboxChallenge(challenge.spec)) return { keys: [], deleted: [] };
  const engine = challengeEngine(challenge.spec);
  // A DEL inside an open MULTI on that engine would only be queued, and run later by the learner's EXEC.
  if (
    engine !== 'memcached' &&
    hasLearnerSessionOn(learnerId, engine) &&
    learnerSession(learnerId, engine).inTransaction
  )
    throw new AppError('bad_request', 'You are inside MULTI: run EXEC or DISCARD first, then reset the keys again.');
  const keys = challengeKeys(challenge.spec);
  const deleted: string[] = [];
  for (const key of keys) if (await deleteKey(learnerId, key, engine)) deleted.push(key);
  return { keys, deleted };
}
