import 'server-only';
/**
 * The content checker's patterns pass: every `lab: patterns` challenge runs against the real
 * patterns lab (its origin database and Valkey servers). For a learner with no results the checks
 * must fail; after the reference solution's experiments (recorded as that learner's results, as
 * the API would) they must pass. Each challenge gets throwaway learners, whose results are deleted.
 */
import { runPatternsChallengeChecks } from '@/lib/challenges/patterns-checks';
import { runPatternsSolutionStep } from '@/lib/challenges/patterns-solution';
import { PatternsResultKind, type PatternsChallengeSpec } from '@/lib/content/lab-challenge-schema';
import { latestResults } from '@/lib/labs/patterns/results';
import { newLearnerId } from '@/lib/sandbox/learner';
import { getValkey } from '@/lib/valkey/connections';
import { patternsResultsKey } from '@/lib/valkey/keys';
import type { ContentProblem } from './problems';
import type { CheckedChallenge } from './static-checks';

export type CheckedPatternsChallenge = CheckedChallenge & { spec: PatternsChallengeSpec };

async function forgetResults(learnerId: string): Promise<void> {
  const keys = PatternsResultKind.options.map((kind) => patternsResultsKey(learnerId, kind));
  await (await getValkey('app')).del(...keys);
}

async function checkOne({ file, line, spec }: CheckedPatternsChallenge): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  const problem = (message: string) =>
    problems.push({ file, line, message: `patterns challenge "${spec.id}": ${message}` });
  const learner = newLearnerId();
  try {
    const blank = await runPatternsChallengeChecks(learner, spec, latestResults);
    if (blank.passed)
      problem(
        "a learner with no results already passes every check: add a check that only the learner's runs can satisfy",
      );
    for (const step of spec.solution) {
      const failure = await runPatternsSolutionStep(learner, step);
      if (failure) problem(failure);
    }
    const solved = await runPatternsChallengeChecks(learner, spec, latestResults);
    for (const check of solved.checks.filter((result) => !result.passed))
      problem(`the reference solution fails check "${check.label}": ${check.detail}`);
  } finally {
    await forgetResults(learner);
  }
  return problems;
}

/** Runs every patterns challenge in turn (the lab runs one experiment per learner at a time). */
export async function checkPatternsChallengesLive(
  challenges: CheckedPatternsChallenge[],
  onChallenge: (done: number, total: number, id: string) => void = () => {},
): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  for (const [index, challenge] of challenges.entries()) {
    problems.push(...(await checkOne(challenge)));
    onChallenge(index + 1, challenges.length, challenge.spec.id);
  }
  return problems;
}
