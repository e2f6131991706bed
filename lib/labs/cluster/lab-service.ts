/**
 * What the lab routes call (app/api/labs/cluster/**): the app's one lab manager, and each
 * operation on the learner's lab, one at a time per lab (a failover, restart or reshard under way
 * answers 429 to the next, whose timeline would otherwise interleave with it).
 */
import 'server-only';
import path from 'node:path';
import { AppError } from '@/lib/errors';
import { keyspaceEnv } from '@/lib/config/env';
import { findValkeyServer } from '@/lib/servers/server-binary';
import { execInLab, type LabExecMode, type LabExecOutcome } from './exec';
import { startFailover, type FailoverKind } from './failover';
import type { Lab } from './lab';
import { LabManager } from './lab-manager';
import type { LabShape } from './lab-node';
import { repairOpenSlots } from './open-slots';
import { pausedSlot, resumeReshard, startReshard } from './reshard';
import { restartNode } from './restart';
import { labSettings } from './settings';
import { labTopology, type LabTopology } from './topology';
import { startWriteLoss } from './write-loss';

const globalForLabs = globalThis as typeof globalThis & { keyspaceLabManager?: LabManager };

/** The app's lab manager, created on first use (kept on globalThis so hot reload does not orphan labs). */
export function labManager(): LabManager {
  if (!globalForLabs.keyspaceLabManager) {
    const valkey = findValkeyServer();
    if (!valkey) throw new AppError('unavailable', 'The cluster lab needs valkey-server 8 or newer on this machine.');
    globalForLabs.keyspaceLabManager = new LabManager({
      settings: labSettings(),
      dataRoot: path.resolve(process.cwd(), keyspaceEnv().KEYSPACE_DATA_DIR),
      valkeyServer: valkey.path,
    });
  }
  return globalForLabs.keyspaceLabManager;
}

export async function startLab(learnerId: string, shape: LabShape, manager = labManager()): Promise<LabTopology> {
  return labTopology(await manager.start(learnerId, shape));
}

/** The topology; reading it (the page polls it) does not count as using the lab, so an open tab does not keep it alive. */
export async function labTopologyOf(learnerId: string, manager = labManager()): Promise<LabTopology> {
  return labTopology(manager.get(learnerId, { touch: false }));
}

export async function deleteLab(learnerId: string, manager = labManager()): Promise<boolean> {
  return manager.stop(learnerId);
}

export async function execLabCommand(
  learnerId: string,
  command: string,
  mode: LabExecMode,
  node: string | undefined,
  manager = labManager(),
): Promise<LabExecOutcome> {
  return execInLab(manager.get(learnerId), command, mode, node);
}

const operations = new WeakMap<Lab, Promise<unknown>>();

/** Runs `start` unless another operation is still under way on the lab; the operation's end is kept to check the next. */
async function exclusive(lab: Lab, start: () => Promise<{ done: Promise<unknown> }>): Promise<LabTopology> {
  const running = operations.get(lab);
  const paused = pausedSlot(lab);
  if (paused !== null)
    throw new AppError(
      'rate_limited',
      `A reshard is paused in the middle of slot ${paused}: finish it first (POST /api/labs/cluster/reshard {"resume": true}).`,
      { retryAfterSeconds: 2 },
    );
  if (running) {
    throw new AppError(
      'rate_limited',
      'Another failover, restart or reshard is still under way in your lab: wait for it to finish.',
      {
        retryAfterSeconds: 2,
      },
    );
  }
  const { done } = await start();
  operations.set(lab, done);
  void done.finally(() => operations.delete(lab));
  return labTopology(lab);
}

/** Waits for the lab's operation under way, if any (tests and the benchmark). */
export async function operationSettled(lab: Lab): Promise<void> {
  await operations.get(lab);
}

export async function failoverShard(
  learnerId: string,
  shard: number,
  kind: FailoverKind,
  manager = labManager(),
): Promise<LabTopology> {
  const lab = manager.get(learnerId);
  return exclusive(lab, () => startFailover(lab, shard, kind));
}

export async function restartLabNode(learnerId: string, node: string, manager = labManager()): Promise<LabTopology> {
  const lab = manager.get(learnerId);
  return exclusive(lab, () => restartNode(lab, node, manager.options.valkeyServer));
}

export async function reshardLab(
  learnerId: string,
  from: number,
  to: number,
  slots: number,
  manager = labManager(),
  pauseAfterKeys?: number,
): Promise<LabTopology> {
  const lab = manager.get(learnerId);
  return exclusive(lab, () => startReshard(lab, from, to, slots, pauseAfterKeys));
}

/** Finishes the reshard paused in the middle of a slot. */
export async function resumeLabReshard(learnerId: string, manager = labManager()): Promise<LabTopology> {
  const lab = manager.get(learnerId);
  if (!resumeReshard(lab))
    throw new AppError('bad_request', 'No reshard of yours is paused: there is nothing to finish.');
  return labTopology(lab);
}

/**
 * Repairs the slots the learner left half moved by hand (`valkey-cli --cluster fix`'s open-slot
 * repair, open-slots.ts): one timeline event per slot, or one saying there was none. A reshard does
 * the same before it starts.
 */
export async function repairLabOpenSlots(learnerId: string, manager = labManager()): Promise<LabTopology> {
  const lab = manager.get(learnerId);
  if (lab.shape !== 'cluster') throw new AppError('bad_request', 'A replication lab has no slots to repair.');
  return exclusive(lab, async () => {
    const repaired = await repairOpenSlots(lab);
    if (repaired.length === 0) lab.timeline.record('Repair open slots: none is open, nothing to do');
    return { done: Promise.resolve() };
  });
}

/** Runs the write-loss experiment (kill the primary under a stream of writes, without then with WAIT). */
export async function runWriteLossExperiment(learnerId: string, manager = labManager()): Promise<LabTopology> {
  const lab = manager.get(learnerId);
  return exclusive(lab, () => startWriteLoss(lab));
}
