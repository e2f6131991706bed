/**
 * What the runs routes call (app/api/labs/patterns/runs/**): at most one run going per learner
 * (another answers 429), at most MAX_CONCURRENT_RUNS in the whole process (503 with Retry-After),
 * runs readable by their own learner only, kept in memory for a while after they end and recorded
 * in the learner's results (results.ts) as their final status.
 */
import 'server-only';
import { AppError } from '@/lib/errors';
import type { RunParams, RunStatus } from './api-types';
import { getPatternsCacheServer } from './cache';
import { getOrigin } from './origin/origin';
import { recordResult } from './results';
import { runParamsProblem } from './run-params';
import { newRunId, startWorkload, type Workload } from './workload/workload';

/** Runs at once in this app process: each keeps up to 100 virtual users busy on a 2-core machine. */
export const MAX_CONCURRENT_RUNS = 3;
/** A finished run stays readable this long. */
const KEEP_FINISHED_MS = 15 * 60_000;

interface RunEntry {
  learnerId: string;
  workload: Workload;
  finishedAt: number | null;
}

const registry = globalThis as typeof globalThis & {
  keyspacePatternRuns?: { runs: Map<string, RunEntry>; going: Map<string, number> };
};
registry.keyspacePatternRuns ??= { runs: new Map(), going: new Map() };
/** Every run by id; and for each learner with a run starting or going, when it will end (ms). */
const { runs, going } = registry.keyspacePatternRuns;

function forgetOldRuns(now = Date.now()): void {
  for (const [id, entry] of runs) {
    if (entry.finishedAt !== null && now - entry.finishedAt > KEEP_FINISHED_MS) runs.delete(id);
  }
}

/** Starts a workload run for the learner; answers its id at once (the run goes on in the background). */
export async function startPatternsRun(learnerId: string, params: RunParams): Promise<{ id: string }> {
  const problem = runParamsProblem(params);
  if (problem) throw new AppError('bad_request', problem);
  const ends = going.get(learnerId);
  if (ends !== undefined) {
    const seconds = Math.max(1, Math.ceil((ends - Date.now()) / 1000));
    throw new AppError('rate_limited', `You already have a run going: it ends in about ${seconds} s.`, {
      retryAfterSeconds: seconds,
    });
  }
  if (going.size >= MAX_CONCURRENT_RUNS) {
    const soonest = Math.min(...going.values());
    const seconds = Math.max(1, Math.ceil((soonest - Date.now()) / 1000));
    throw new AppError('unavailable', `The lab is busy with other learners' runs: try again in about ${seconds} s.`, {
      retryAfterSeconds: seconds,
    });
  }
  // Taken before the first await, so that two quick requests cannot both pass the checks above.
  going.set(learnerId, Date.now() + params.seconds * 1000 + 5_000);
  try {
    const [server, origin] = await Promise.all([getPatternsCacheServer(), getOrigin()]);
    forgetOldRuns();
    const workload = startWorkload(newRunId(), params, { server, origin });
    const entry: RunEntry = { learnerId, workload, finishedAt: null };
    runs.set(workload.id, entry);
    going.set(learnerId, Date.now() + params.seconds * 1000 + 5_000);
    void workload.finished.then(async (status) => {
      entry.finishedAt = Date.now();
      going.delete(learnerId);
      await recordResult(learnerId, 'run', status).catch((error: unknown) =>
        console.error(`[patterns] recording run ${workload.id} failed:`, error),
      );
    });
    return { id: workload.id };
  } catch (error) {
    going.delete(learnerId);
    throw error;
  }
}

/**
 * Starts the cache server and opens the origin in the background (the first open of all seeds the
 * catalogue, seconds): the lab page asks for the code first, so its first run finds them ready.
 */
export function warmUpPatternsLab(): void {
  void Promise.all([getPatternsCacheServer(), getOrigin()]).catch(() => undefined); // each logs its own failure
}

/** The learner's run, or a 404 (another learner's run is not theirs to see). */
export function patternsRun(learnerId: string, id: string): Workload {
  const entry = runs.get(id);
  if (!entry || entry.learnerId !== learnerId)
    throw new AppError('not_found', 'There is no such run: it belongs to someone else or ended too long ago.');
  return entry.workload;
}

export function patternsRunStatus(learnerId: string, id: string): RunStatus {
  return patternsRun(learnerId, id).status();
}
