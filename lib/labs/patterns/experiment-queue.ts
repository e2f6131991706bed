/**
 * Runs experiments one at a time, first come first served, for experiments that must not overlap
 * (the eviction experiment owns its server's whole memory; a stampede's latencies mean nothing with
 * another stampede beside it). A learner has at most one experiment queued or running, and at most
 * `maxWaiting` wait behind the running one: past that the caller is told to come back (429), so a
 * request never waits longer than a few experiments' time bound.
 */
import { AppError } from '@/lib/errors';

export interface ExperimentQueue {
  /** Runs `task` once every earlier one has settled; throws a 429 AppError when the learner or the queue is full. */
  run<T>(learnerId: string, task: () => Promise<T>): Promise<T>;
  /** Experiments running or waiting. */
  readonly length: number;
}

export function experimentQueue(what: string, options: { maxWaiting: number; secondsEach: number }): ExperimentQueue {
  let tail: Promise<unknown> = Promise.resolve();
  const learners = new Set<string>();
  return {
    get length() {
      return learners.size;
    },
    async run<T>(learnerId: string, task: () => Promise<T>): Promise<T> {
      if (learners.has(learnerId))
        throw new AppError(
          'rate_limited',
          `Your ${what} is still running: wait for its result before starting another.`,
          {
            retryAfterSeconds: options.secondsEach,
          },
        );
      if (learners.size > options.maxWaiting) {
        const seconds = learners.size * options.secondsEach;
        throw new AppError(
          'rate_limited',
          `The lab is busy with ${learners.size} other ${what}s, one at a time. Try again in about ${seconds} seconds.`,
          { retryAfterSeconds: seconds },
        );
      }
      learners.add(learnerId);
      const turn = tail.then(task);
      tail = turn.catch(() => undefined);
      try {
        return await turn;
      } finally {
        learners.delete(learnerId);
      }
    },
  };
}
