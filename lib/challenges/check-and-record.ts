import 'server-only';
import { findChallenge } from '@/lib/content/lessons';
import { recordChallengePassed, UnknownContentError } from '@/lib/progress/store';
import { isLabChallenge, isPatternsChallenge } from '@/lib/content/schema';
import { labManager } from '@/lib/labs/cluster/lab-service';
import { latestResults } from '@/lib/labs/patterns/results';
import { runLabChallengeChecks } from './lab-checks';
import { runPatternsChallengeChecks } from './patterns-checks';
import { runChallengeChecks } from './run-checks';
import type { ChallengeResult } from './types';

/** Checks a learner's keyspace against a challenge and records a pass; throws UnknownContentError for an unknown id. */
export async function checkAndRecordChallenge(learnerId: string, challengeId: string): Promise<ChallengeResult> {
  const challenge = findChallenge(challengeId);
  if (!challenge) throw new UnknownContentError('There is no such challenge. Reload the lesson: it may have changed.');
  const { spec } = challenge;
  // A lab challenge is checked on the learner's own cluster lab, a patterns challenge against their
  // recorded patterns lab results, a sandbox one on their keyspace.
  const result = isPatternsChallenge(spec)
    ? await runPatternsChallengeChecks(learnerId, spec, latestResults)
    : isLabChallenge(spec)
      ? await runLabChallengeChecks(learnerId, spec, labManager())
      : await runChallengeChecks(learnerId, spec);
  if (result.passed) await recordChallengePassed(learnerId, challengeId);
  return result;
}
