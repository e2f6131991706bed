import 'server-only';
/**
 * Runs a patterns challenge's reference solution as the learner would with the lab: each step is
 * one experiment through the same services the API routes call, recorded as the learner's result.
 * The content checker uses it for a learner with no results yet.
 */
import type { PatternsSolutionStep } from '@/lib/content/lab-challenge-schema';
import { runEvictionFor } from '@/lib/labs/patterns/eviction/eviction-service';
import { runPipeliningFor } from '@/lib/labs/patterns/pipelining/pipelining-service';
import { latestResults } from '@/lib/labs/patterns/results';
import { patternsRunStatus, startPatternsRun } from '@/lib/labs/patterns/run-service';
import { runStampedeFor } from '@/lib/labs/patterns/stampede/stampede-service';

const POLL_MS = 200;
/** A run lasts at most 30 s; its result is recorded as it ends. */
const RUN_DEADLINE_MS = 45_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a workload run and waits until it has ended and its result is recorded. */
async function runWorkloadToTheEnd(learnerId: string, step: Extract<PatternsSolutionStep, { workload: unknown }>) {
  const { id } = await startPatternsRun(learnerId, step.workload);
  const deadline = Date.now() + RUN_DEADLINE_MS;
  while (Date.now() < deadline) {
    const status = patternsRunStatus(learnerId, id);
    if (status.state === 'failed') throw new Error(`the run failed: ${status.error ?? 'no reason given'}`);
    if (status.state === 'done') {
      const recorded = await latestResults<{ id?: string }>(learnerId, 'run', 5);
      if (recorded.some((result) => result.id === id)) return;
    }
    await sleep(POLL_MS);
  }
  throw new Error(`the run did not end and get recorded within ${RUN_DEADLINE_MS / 1000} s`);
}

/** Runs one step; resolves with a problem to report, or null when the experiment ran and was recorded. */
export async function runPatternsSolutionStep(learnerId: string, step: PatternsSolutionStep): Promise<string | null> {
  const what =
    'workload' in step
      ? `workload ${step.workload.pattern}`
      : 'stampede' in step
        ? `stampede ${step.stampede.strategy} with ${step.stampede.readers} readers`
        : 'pipelining' in step
          ? `pipelining ${step.pipelining.commands} commands with ${step.pipelining.latencyMs} ms`
          : `eviction under ${step.eviction.policy}`;
  try {
    if ('workload' in step) await runWorkloadToTheEnd(learnerId, step);
    else if ('stampede' in step) await runStampedeFor(learnerId, step.stampede);
    else if ('pipelining' in step) await runPipeliningFor(learnerId, step.pipelining);
    else await runEvictionFor(learnerId, step.eviction.policy);
    return null;
  } catch (error) {
    return `solution step "${what}" failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}
