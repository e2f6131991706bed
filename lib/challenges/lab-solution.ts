import 'server-only';
/**
 * Runs a lab challenge's reference solution on a lab, as the learner would with the lab panel:
 * command lines through the console's executor, failovers and reshards through the lab's own
 * operations, each waited for until it is over. The content checker uses it on a fresh lab.
 */
import type { LabSolutionStep } from '@/lib/content/lab-challenge-schema';
import { execInLab } from '@/lib/labs/cluster/exec';
import type { LabManager } from '@/lib/labs/cluster/lab-manager';
import { failoverShard, operationSettled, reshardLab } from '@/lib/labs/cluster/lab-service';
import { resolveLabCommand, shardPrimary } from '@/lib/labs/cluster/lab-placeholders';
import { labTopology } from '@/lib/labs/cluster/topology';
import { ownerOf } from './lab-checks';

/** Runs one step; resolves with a problem to report, or null when the step did what it should. */
export async function runLabSolutionStep(
  learnerId: string,
  step: LabSolutionStep,
  manager: LabManager,
): Promise<string | null> {
  const lab = manager.get(learnerId);
  if (typeof step === 'string' || 'run' in step) {
    const typed = typeof step === 'string' ? step : step.run;
    const mode = typeof step === 'string' ? (lab.shape === 'cluster' ? 'cluster' : 'primary') : step.mode;
    const topology = await labTopology(lab);
    const line = resolveLabCommand(typed, topology);
    const shard = typeof step === 'string' ? undefined : step.shard;
    const node = mode === 'node' && shard !== undefined ? shardPrimary(topology, shard)?.address : undefined;
    if (line === null || (mode === 'node' && !node))
      return `solution step "${typed}": the shard it names has no serving primary`;
    const outcome = await execInLab(lab, line, mode, node);
    if (outcome.kind === 'rejected') return `solution step "${line}" was rejected: ${outcome.error}`;
    if (!outcome.body.ok) return `solution step "${line}" answered ${outcome.body.text}`;
    return null;
  }
  if ('reshard' in step) {
    const { from, to, slots } = step.reshard;
    await reshardLab(learnerId, from, to, slots, manager);
  } else {
    const { key, shard, kind } = step.failover;
    const target = key ? ownerOf(await labTopology(lab), key).shard : (shard ?? 1);
    if (target === null) return `solution step "fail over the shard of ${key}": no shard serves it`;
    await failoverShard(learnerId, target, kind, manager);
  }
  await operationSettled(lab);
  return null;
}
