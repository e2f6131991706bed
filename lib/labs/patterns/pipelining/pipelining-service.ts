/**
 * The pipelining experiment as the API runs it: on the lab's cache server, one experiment at a time
 * (their timings would mean little side by side; a second caller waits its turn, a learner who
 * already has one going gets a 429), recorded for the learner's challenges.
 */
import 'server-only';
import { getPatternsCacheServer } from '../cache';
import { experimentQueue, type ExperimentQueue } from '../experiment-queue';
import { recordResult } from '../results';
import { pipeliningKeyPrefix, runPipeliningExperiment } from './pipelining-experiment';
import type { PipeliningRequest, PipeliningResult } from './pipelining-types';

// On globalThis so that hot reload in development keeps one queue.
const registry = globalThis as typeof globalThis & { keyspacePipeliningQueue?: ExperimentQueue };
const queue = (registry.keyspacePipeliningQueue ??= experimentQueue('pipelining experiment', {
  maxWaiting: 3,
  secondsEach: 6,
}));

/** Runs one pipelining experiment for the learner, records it, and answers its result. */
export async function runPipeliningFor(learnerId: string, request: PipeliningRequest): Promise<PipeliningResult> {
  return queue.run(learnerId, async () => {
    const server = await getPatternsCacheServer();
    const result = await runPipeliningExperiment(server, { ...request, keyPrefix: pipeliningKeyPrefix(learnerId) });
    await recordResult(learnerId, 'pipelining', result);
    return result;
  });
}
