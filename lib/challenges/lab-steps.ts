/**
 * A lab challenge's solution steps as the learner reads them: a command and the console mode to
 * run it in, or what to do with the lab panel's buttons. Pure, so the browser may import it.
 */
import type { LabSolutionStep } from '@/lib/content/lab-challenge-schema';

export type LabStepView =
  | { kind: 'command'; command: string; mode: 'cluster' | 'primary' | 'reader' | 'node' | null; shard?: number }
  | { kind: 'action'; text: string };

export function describeLabStep(step: LabSolutionStep): LabStepView {
  if (typeof step === 'string') return { kind: 'command', command: step, mode: null };
  if ('run' in step) return { kind: 'command', command: step.run, mode: step.mode, shard: step.shard };
  if ('reshard' in step) {
    const { from, to, slots } = step.reshard;
    return {
      kind: 'action',
      text: `Move ${slots} slots from shard ${from} to shard ${to} (Reshard in the lab panel).`,
    };
  }
  const { key, shard, kind } = step.failover;
  const which = key ? `the shard that owns ${key}` : `shard ${shard ?? 1}`;
  const button = kind === 'graceful' ? 'Graceful failover' : 'Kill primary';
  return {
    kind: 'action',
    text: `Fail over ${which}: press ${button} on it in the lab panel, then wait for the new primary.`,
  };
}
