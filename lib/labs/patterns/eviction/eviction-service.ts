/**
 * The eviction experiment as the API runs it: on the lab's one small-`maxmemory` server, one
 * experiment at a time (experiment-queue.ts: a second caller waits its turn; a fifth, or a learner
 * who already has one going, gets a 429), with the result recorded for the learner's challenges.
 */
import 'server-only';
import { getEvictionServer } from '../cache';
import { recordResult } from '../results';
import { experimentQueue, type ExperimentQueue } from '../experiment-queue';
import { runEvictionExperiment, type EvictionPolicy, type EvictionResult } from './eviction-experiment';

/** How many experiments may wait behind the running one; each takes at most ~10 s. */
export const EVICTION_MAX_WAITING = 3;

// On globalThis so that hot reload in development keeps one queue for the one server.
const registry = globalThis as typeof globalThis & { keyspaceEvictionQueue?: ExperimentQueue };
const queue = (registry.keyspaceEvictionQueue ??= experimentQueue('eviction experiment', {
  maxWaiting: EVICTION_MAX_WAITING,
  secondsEach: 10,
}));

/** Runs one eviction experiment for the learner under `policy`, records it, and answers its result. */
export async function runEvictionFor(learnerId: string, policy: EvictionPolicy): Promise<EvictionResult> {
  return queue.run(learnerId, async () => {
    const { admin } = await getEvictionServer();
    const result = await runEvictionExperiment(admin, policy);
    await recordResult(learnerId, 'eviction', result);
    return result;
  });
}
