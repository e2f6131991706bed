/**
 * A patterns challenge's solution steps as the learner reads them: what to set in the lab and run.
 * Pure, so the browser may import it.
 */
import type { PatternsSolutionStep } from '@/lib/content/lab-challenge-schema';

export function describePatternsStep(step: PatternsSolutionStep): string {
  if ('workload' in step) {
    const { pattern, seconds, concurrency, zipf, readShare, ttlSeconds, jitter, valueBytes } = step.workload;
    return `Run the workload with ${pattern}: ${seconds} s, concurrency ${concurrency}, Zipf skew ${zipf}, read share ${readShare}, TTL ${ttlSeconds} s${jitter ? ' with jitter' : ' without jitter'}, values of ${valueBytes} bytes.`;
  }
  if ('stampede' in step) {
    const { readers, strategy, beta } = step.stampede;
    return `Run the stampede with ${readers} readers and the ${strategy} strategy${beta === undefined ? '' : ` (β ${beta})`}.`;
  }
  if ('pipelining' in step) {
    const { commands, latencyMs } = step.pipelining;
    return `Run the pipelining experiment with ${commands} commands and ${latencyMs === 0 ? 'no added latency (loopback)' : `${latencyMs} ms added per round trip`}.`;
  }
  return `Fill the eviction lab's cache under ${step.eviction.policy}.`;
}
