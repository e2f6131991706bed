/**
 * The stampede experiment as the API runs it: on the lab's cache server in front of the origin,
 * one experiment at a time (their latencies would mean little side by side; a second caller waits
 * its turn, a learner who already has one going gets a 429), recorded for the learner's challenges.
 */
import 'server-only';
import type { StampedeRequest } from '../api-types';
import { getPatternsCache } from '../cache';
import { experimentQueue, type ExperimentQueue } from '../experiment-queue';
import { getOrigin } from '../origin/origin';
import { recordResult } from '../results';
import {
  DEFAULT_STAMPEDE_OPTIONS,
  runStampedeExperiment,
  stampedeKeyPrefix,
  type StampedeResult,
} from './stampede-experiment';

const registry = globalThis as typeof globalThis & { keyspaceStampedeQueue?: ExperimentQueue };
const queue = (registry.keyspaceStampedeQueue ??= experimentQueue('stampede experiment', {
  maxWaiting: 3,
  secondsEach: 5,
}));

/** Runs one stampede experiment for the learner, records it, and answers its result. */
export async function runStampedeFor(learnerId: string, request: StampedeRequest): Promise<StampedeResult> {
  return queue.run(learnerId, async () => {
    const [cache, origin] = await Promise.all([getPatternsCache(), getOrigin()]);
    const result = await runStampedeExperiment(cache, origin, {
      ...DEFAULT_STAMPEDE_OPTIONS,
      readers: request.readers,
      strategy: request.strategy,
      beta: request.beta ?? DEFAULT_STAMPEDE_OPTIONS.beta,
      keyPrefix: stampedeKeyPrefix(learnerId),
    });
    await recordResult(learnerId, 'stampede', result);
    return result;
  });
}
