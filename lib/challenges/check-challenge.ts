import 'server-only';
import { findChallenge } from '@/lib/content/lessons';
import { recordChallengePassed } from '@/lib/progress/store';
import { runChallengeChecks, type ChallengeResult } from './run-checks';

/** Checks a learner's keyspace against a challenge and records a pass; null for an unknown id. */
export async function checkChallenge(learnerId: string, challengeId: string): Promise<ChallengeResult | null> {
  const challenge = findChallenge(challengeId);
  if (!challenge) return null;
  const result = await runChallengeChecks(learnerId, challenge.spec);
  if (result.passed) await recordChallengePassed(learnerId, challengeId);
  return result;
}
