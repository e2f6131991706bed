import 'server-only';
/**
 * The content checker's second pass, on a real Valkey: every challenge's reference solution, run
 * on a fresh learner keyspace, must pass all its checks, and an empty keyspace must fail them.
 * Learners here are throwaway ids with the same isolation as real ones; a solution that
 * SUBSCRIBEs gets a live console for those steps, as the learner's first tab would be.
 */
import { runChallengeChecks } from '@/lib/challenges/run-checks';
import { commandFlags } from '@/lib/sandbox/command-flags';
import { executeLine } from '@/lib/sandbox/execute';
import { newLearnerId } from '@/lib/sandbox/learner';
import { parseCommandLine } from '@/lib/sandbox/parse';
import { challengeEngine, checkCommandLines, type ChallengeSpec } from '@/lib/content/challenge-schema';
import { isSandboxChallenge } from '@/lib/content/schema';
import { executeWhenIdle, resetLearnerOn } from '@/lib/challenges/when-idle';
import { forgetCommandUse, recordCommandUse } from '@/lib/sandbox/command-usage';
import { openLiveStream } from '@/lib/sandbox/live/live-consoles';
import type { EngineRun } from './command-checks';
import type { CheckedChallenge } from './static-checks';
import type { ContentProblem } from './problems';

/**
 * Steps that need a console with a live stream, as at the learner's first tab: the subscribe
 * family, and CLIENT TRACKING (its invalidations go to that console's connection).
 */
const LISTENING_COMMANDS = new Set([
  'subscribe',
  'psubscribe',
  'ssubscribe',
  'unsubscribe',
  'punsubscribe',
  'sunsubscribe',
  'client tracking',
]);

function runsInListeningConsole(step: string): boolean {
  const parsed = parseCommandLine(step);
  if (!parsed.ok) return false;
  const [name, sub] = parsed.args.map((arg) => arg.toString('utf8').toLowerCase());
  return LISTENING_COMMANDS.has(name ?? '') || LISTENING_COMMANDS.has(`${name} ${sub}`);
}

/** A live console for the solver, as a page opens one; its stream is drained and ended by `close`. */
async function openListeningConsole(learnerId: string): Promise<{ consoleId: string; close(): void } | string> {
  const consoleId = `content-check-${learnerId.slice(0, 16)}`;
  const abort = new AbortController();
  const outcome = await openLiveStream(learnerId, consoleId, abort.signal);
  if (!outcome.ok) return outcome.error;
  // Read and discard what arrives (messages the solution publishes), as the browser would show it.
  void outcome.stream.pipeTo(new WritableStream()).catch(() => {});
  return { consoleId, close: () => abort.abort() };
}

async function checkOne(
  { file, line, spec }: CheckedChallenge & { spec: ChallengeSpec },
  writes: Set<string>,
): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  const problem = (message: string) => problems.push({ file, line, message: `challenge "${spec.id}": ${message}` });
  const engine = challengeEngine(spec);
  for (const check of engine === 'memcached' ? [] : spec.checks) {
    for (const run of checkCommandLines(check)) {
      const parsed = parseCommandLine(run);
      const name = parsed.ok ? parsed.args[0]?.toString('utf8').toLowerCase() : undefined;
      if (name && writes.has(name))
        problem(`check "${check.label}" runs ${run}, which writes: checks may only read the learner's keys`);
    }
  }
  const solver = newLearnerId();
  const empty = newLearnerId();
  // The solution's subscribe steps run in a listening console (one tab) and the rest in another
  // client (a second tab), through the same live machinery as the learner's; the listener stays
  // open while the checks run, and closing it ends its subscriptions.
  const listening =
    engine === 'valkey' && spec.solution.some(runsInListeningConsole) ? await openListeningConsole(solver) : null;
  try {
    if (typeof listening === 'string')
      problem(`could not open a live console for the solution's SUBSCRIBE steps: ${listening}`);
    for (const step of spec.solution) {
      // Recorded as the console's route records a learner's command, so `require` sees the solution's.
      if (engine === 'valkey') recordCommandUse(solver, step);
      const consoleId =
        runsInListeningConsole(step) && listening && typeof listening !== 'string' ? listening.consoleId : undefined;
      const outcome =
        engine === 'valkey'
          ? await executeLine(solver, step, undefined, consoleId)
          : await executeWhenIdle(solver, step, engine);
      if (outcome.kind === 'rejected') problem(`solution step "${step}" was rejected: ${outcome.error}`);
      else if (!outcome.body.ok) problem(`solution step "${step}" answered ${outcome.body.text}`);
    }
    const solved = await runChallengeChecks(solver, spec);
    for (const check of solved.checks.filter((result) => !result.passed))
      problem(`the reference solution fails check "${check.label}": ${check.detail}`);
    const untouched = await runChallengeChecks(empty, spec);
    if (untouched.passed)
      problem("an empty keyspace already passes every check: add a check that only the learner's work can satisfy");
  } finally {
    if (listening && typeof listening !== 'string') listening.close();
    await resetLearnerOn(solver, engine);
    await resetLearnerOn(empty, engine);
    forgetCommandUse(solver);
  }
  return problems;
}

/** Runs every sandbox challenge (lab challenges: lab-live-checks.ts, patterns challenges: patterns-live-checks.ts); reports progress through onChallenge so a long run is not silent. */
export async function checkChallengesLive(
  challenges: CheckedChallenge[],
  onChallenge: (done: number, total: number, id: string) => void = () => {},
): Promise<ContentProblem[]> {
  const writes = (await commandFlags()).writes;
  const problems: ContentProblem[] = [];
  const sandboxChallenges = challenges.flatMap(({ spec, ...where }) =>
    isSandboxChallenge(spec) ? [{ ...where, spec }] : [],
  );
  for (const [index, challenge] of sandboxChallenges.entries()) {
    problems.push(...(await checkOne(challenge, writes)));
    onChallenge(index + 1, sandboxChallenges.length, challenge.spec.id);
  }
  return problems;
}

/**
 * Runs the lessons' <Run engine="redis|memcached"> blocks on their engine, each lesson's in its
 * order on a fresh learner, as a learner clicking down the page would: a block the sandbox refuses
 * (or an engine that does not answer) is a problem. A reply that is the engine's own error (Memcached's
 * ERROR to a command it does not have) is a lesson's point, not a problem.
 */
export async function checkEngineRunsLive(runs: EngineRun[]): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  const groups = new Map<string, EngineRun[]>();
  for (const run of runs)
    groups.set(`${run.file}#${run.engine}`, [...(groups.get(`${run.file}#${run.engine}`) ?? []), run]);
  for (const group of groups.values()) {
    const learner = newLearnerId();
    const engine = group[0]!.engine;
    try {
      for (const run of group) {
        const outcome = await executeWhenIdle(learner, run.command, engine);
        if (outcome.kind === 'rejected')
          problems.push({
            file: run.file,
            line: run.line,
            message: `<Run engine="${engine}" command="${run.command}"> was refused on ${engine}: ${outcome.error}`,
          });
      }
    } finally {
      await resetLearnerOn(learner, engine);
    }
  }
  return problems;
}
