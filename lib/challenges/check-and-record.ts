import 'server-only';
import { findChallenge } from '@/lib/content/lessons';
import { recordChallengePassed } from '@/lib/progress/store';
import { runChallengeChecks } from './run-checks';
import type { ChallengeResult } from './types';

/** Checks a learner's keyspace against a challenge and records a pass; null for an unknown id. */
export async function checkAndRecordChallenge(learnerId: string, challengeId: string): Promise<ChallengeResult | null> {
  const challenge = findChallenge(challengeId);
  if (!challenge) return null;
  const result = await runChallengeChecks(learnerId, challenge.spec);
  if (result.passed) await recordChallengePassed(learnerId, challengeId);
  return result;
}
