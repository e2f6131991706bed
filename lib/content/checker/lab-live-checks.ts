import 'server-only';
/**
 * The content checker's lab pass: every lab challenge runs on a real cluster lab of its shape. One
 * lab per shape is started once; before each challenge it is made fresh again (its keys flushed,
 * or, after a solution that failed over or resharded, the lab started anew), then a blank lab must
 * fail the checks, the reference solution must run, and the checks must then pass.
 */
import { runLabChallengeChecks } from '@/lib/challenges/lab-checks';
import { runLabSolutionStep } from '@/lib/challenges/lab-solution';
import type { LabChallengeSpec } from '@/lib/content/lab-challenge-schema';
import type { LabManager } from '@/lib/labs/cluster/lab-manager';
import type { LabShape } from '@/lib/labs/cluster/lab-node';
import { labTopology } from '@/lib/labs/cluster/topology';
import type { ContentProblem } from './problems';
import type { CheckedChallenge } from './static-checks';

/** The learner id the checker's labs belong to. */
export const CHECKER_LEARNER = 'content-checker';

export type CheckedLabChallenge = CheckedChallenge & { spec: LabChallengeSpec };

/** Deletes every key on every primary: a lab whose shape the last solution did not change is fresh again. */
async function flushLab(manager: LabManager): Promise<void> {
  const lab = manager.get(CHECKER_LEARNER);
  const topology = await labTopology(lab);
  const primaries = topology.shards.flatMap((shard) => shard.nodes.filter((node) => node.role === 'primary'));
  await Promise.all(primaries.map((node) => lab.node(node.address)?.admin?.flushall()));
}

/** A failover, a reshard, or a slot moved by hand (CLUSTER SETSLOT): the next challenge needs a new lab. */
const changesShape = (spec: LabChallengeSpec) =>
  spec.solution.some((step) =>
    typeof step === 'string' ? /\bSETSLOT\b/i.test(step) : !('run' in step) || /\bSETSLOT\b/i.test(step.run),
  );

async function checkOne(
  { file, line, spec }: CheckedLabChallenge,
  manager: LabManager,
  fresh: boolean,
): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  const problem = (message: string) => problems.push({ file, line, message: `lab challenge "${spec.id}": ${message}` });
  if (fresh) await flushLab(manager);
  else {
    await manager.stop(CHECKER_LEARNER);
    await manager.start(CHECKER_LEARNER, spec.lab);
  }
  const blank = await runLabChallengeChecks(CHECKER_LEARNER, spec, manager);
  if (blank.passed)
    problem("a fresh lab already passes every check: add a check that only the learner's work can satisfy");
  const eventsBefore = manager.get(CHECKER_LEARNER).timeline.list().length;
  for (const step of spec.solution) {
    const failure = await runLabSolutionStep(CHECKER_LEARNER, step, manager).catch((error: unknown) =>
      error instanceof Error ? error.message : String(error),
    );
    if (failure) problem(failure);
  }
  const solved = await runLabChallengeChecks(CHECKER_LEARNER, spec, manager);
  const failed = solved.checks.filter((result) => !result.passed);
  for (const check of failed) problem(`the reference solution fails check "${check.label}": ${check.detail}`);
  // What the lab did during the solution (failovers, reshards) is what explains a failed check.
  const events = manager.get(CHECKER_LEARNER).timeline.list().slice(eventsBefore).slice(-6);
  if (failed.length > 0 && events.length > 0)
    problem(`the lab's last events: ${events.map((event) => event.text).join(' | ')}`);
  return problems;
}

/** Runs every lab challenge, shape by shape, on one lab at a time from `manager`. */
export async function checkLabChallengesLive(
  challenges: CheckedLabChallenge[],
  manager: LabManager,
  onChallenge: (done: number, total: number, id: string) => void = () => {},
): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  let done = 0;
  for (const shape of ['cluster', 'replication'] satisfies LabShape[]) {
    const ofShape = challenges.filter((challenge) => challenge.spec.lab === shape);
    if (ofShape.length === 0) continue;
    await manager.start(CHECKER_LEARNER, shape);
    let fresh = true;
    try {
      for (const challenge of ofShape) {
        problems.push(...(await checkOne(challenge, manager, fresh)));
        fresh = !changesShape(challenge.spec);
        onChallenge(++done, challenges.length, challenge.spec.id);
      }
    } finally {
      await manager.stop(CHECKER_LEARNER);
    }
  }
  return problems;
}
