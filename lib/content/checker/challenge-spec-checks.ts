/**
 * The content checker's challenge rules (first pass, from the files alone): ids unique across all
 * lessons and guides, every solution step and check command one the sandbox (or the lab) runs on the
 * challenge's engine, require/forbid lists that agree with the reference solution. A challenge that
 * passes is queued for the second pass, which runs it live (live-checks.ts).
 */
import { challengeEngine, subscribersCommandLine } from '../challenge-schema';
import type { LabSolutionStep } from '../lab-challenge-schema';
import { isLabChallenge, isPatternsChallenge, type AnyChallengeSpec } from '../schema';
import { commandProblem } from './command-checks';
import { lineOfText } from './problems';
import type { StaticCheckResult } from './static-checks';

/** The command line of a solution step, or null for a lab panel action (a failover, a reshard). */
function stepCommand(step: string | LabSolutionStep): string | null {
  if (typeof step === 'string') return step;
  return 'run' in step ? step.run : null;
}

/** A challenge's id is unique and its steps are commands the sandbox runs; a valid one is queued to run live. */
export function checkChallengeSpec(
  file: string,
  source: string,
  challenge: AnyChallengeSpec,
  challengeIds: Map<string, string>,
  result: StaticCheckResult,
) {
  const { problems } = result;
  const line = lineOfText(source, `id: ${challenge.id}`);
  const other = challengeIds.get(challenge.id);
  if (other)
    problems.push({
      file,
      line,
      message: `challenge id "${challenge.id}" is also used in ${other}: ids must be unique across all lessons and guides`,
    });
  challengeIds.set(challenge.id, file);
  // A patterns challenge runs experiments, not commands: its schema is all there is to check here.
  if (isPatternsChallenge(challenge)) {
    result.challenges.push({ file, line, spec: challenge });
    return;
  }
  let valid = true;
  const where = isLabChallenge(challenge) ? 'lab' : 'sandbox';
  const engine = isLabChallenge(challenge) ? 'valkey' : challengeEngine(challenge);
  (challenge.solution as (string | LabSolutionStep)[]).forEach((solutionStep) => {
    const step = stepCommand(solutionStep);
    if (step === null) return;
    const problem = commandProblem(step, where, engine);
    if (problem) {
      valid = false;
      problems.push({
        file,
        line: lineOfText(source, step, line),
        message: `challenge "${challenge.id}": solution step "${step}" ${problem}`,
      });
    }
  });
  for (const check of challenge.checks) {
    const lines =
      'run' in check
        ? [check.run]
        : 'distinct' in check
          ? check.distinct
          : 'subscribers' in check
            ? [subscribersCommandLine(check)]
            : [];
    for (const run of lines) {
      const problem = commandProblem(run, where, engine);
      if (problem) {
        valid = false;
        problems.push({
          file,
          line: lineOfText(source, run, line),
          message: `challenge "${challenge.id}": check "${check.label}" runs "${run}", which ${problem}`,
        });
      }
    }
  }
  if (!isLabChallenge(challenge)) {
    const solutionNames = new Set(challenge.solution.map((step) => step.trim().split(/\s+/)[0]?.toUpperCase()));
    for (const entry of challenge.require ?? [])
      if (!entry.split('|').some((name) => solutionNames.has(name.toUpperCase())))
        problems.push({
          file,
          line,
          message: `challenge "${challenge.id}": require lists ${entry}, which the reference solution never uses`,
        });
    for (const name of challenge.forbid ?? [])
      if (solutionNames.has(name.toUpperCase()))
        problems.push({
          file,
          line,
          message: `challenge "${challenge.id}": forbid lists ${name}, which the reference solution itself uses`,
        });
  }
  if (valid) result.challenges.push({ file, line, spec: challenge });
}
