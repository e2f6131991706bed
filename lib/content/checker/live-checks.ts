import 'server-only';
/**
 * The content checker's second pass, on a real Valkey: every challenge's reference solution, run
 * on a fresh learner keyspace, must pass all its checks, and an empty keyspace must fail them.
 * Learners here are throwaway ids with the same isolation as real ones.
 */
import { runChallengeChecks } from '@/lib/challenges/run-checks';
import { commandFlags } from '@/lib/sandbox/command-flags';
import { executeLine } from '@/lib/sandbox/execute';
import { newLearnerId } from '@/lib/sandbox/learner';
import { resetLearner } from '@/lib/sandbox/learners';
import { parseCommandLine } from '@/lib/sandbox/parse';
import { checkCommandLines, isSandboxChallenge, type ChallengeSpec } from '@/lib/content/schema';
import { forgetCommandUse, recordCommandUse } from '@/lib/sandbox/command-usage';
import type { CheckedChallenge } from './static-checks';
import type { ContentProblem } from './problems';

async function checkOne({ file, line, spec }: CheckedChallenge & { spec: ChallengeSpec }, writes: Set<string>): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  const problem = (message: string) => problems.push({ file, line, message: `challenge "${spec.id}": ${message}` });
  for (const check of spec.checks) {
    for (const run of checkCommandLines(check)) {
      const parsed = parseCommandLine(run);
      const name = parsed.ok ? parsed.args[0]?.toString('utf8').toLowerCase() : undefined;
      if (name && writes.has(name)) problem(`check "${check.label}" runs ${run}, which writes: checks may only read the learner's keys`);
    }
  }
  const solver = newLearnerId();
  const empty = newLearnerId();
  try {
    for (const step of spec.solution) {
      // Recorded as the console's route records a learner's command, so `require` sees the solution's.
      recordCommandUse(solver, step);
      const outcome = await executeLine(solver, step);
      if (outcome.kind === 'rejected') problem(`solution step "${step}" was rejected: ${outcome.error}`);
      else if (!outcome.body.ok) problem(`solution step "${step}" answered ${outcome.body.text}`);
    }
    const solved = await runChallengeChecks(solver, spec);
    for (const check of solved.checks.filter((result) => !result.passed)) problem(`the reference solution fails check "${check.label}": ${check.detail}`);
    const untouched = await runChallengeChecks(empty, spec);
    if (untouched.passed) problem('an empty keyspace already passes every check: add a check that only the learner\'s work can satisfy');
  } finally {
    await resetLearner(solver);
    await resetLearner(empty);
    forgetCommandUse(solver);
  }
  return problems;
}

/** Runs every sandbox challenge (lab challenges: lab-live-checks.ts, patterns challenges: patterns-live-checks.ts); reports progress through onChallenge so a long run is not silent. */
export async function checkChallengesLive(challenges: CheckedChallenge[], onChallenge: (done: number, total: number, id: string) => void = () => {}): Promise<ContentProblem[]> {
  const writes = (await commandFlags()).writes;
  const problems: ContentProblem[] = [];
  const sandboxChallenges = challenges.flatMap(({ spec, ...where }) => (isSandboxChallenge(spec) ? [{ ...where, spec }] : []));
  for (const [index, challenge] of sandboxChallenges.entries()) {
    problems.push(...(await checkOne(challenge, writes)));
    onChallenge(index + 1, sandboxChallenges.length, challenge.spec.id);
  }
  return problems;
}
