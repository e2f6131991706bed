/**
 * Moving N slots, with their keys, from one shard's primary to another's, as
 * `valkey-cli --cluster reshard` does (clusterManagerMoveSlot): per slot, SETSLOT IMPORTING on the
 * target and MIGRATING on the source, MIGRATE its keys in batches (signed in with the lab's
 * password, AUTH2), then SETSLOT NODE on every primary. While a slot is half moved, a node-mode
 * command on one of its moved keys answers ASK. Progress goes to the timeline.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type Redis from 'ioredis';
import { AppError } from '@/lib/errors';
import { ADMIN_USER } from '@/lib/servers/local-server';
import { isPrimary } from './cluster-nodes';
import type { Lab } from './lab';
import { repairOpenSlots } from './open-slots';
import { adminAt, shardMembers } from './shard-probe';
import { waitForAdmin } from './lab';

export interface ReshardResult {
  slots: number;
  keys: number;
}

const KEYS_PER_MIGRATE = 100;

/** The slots to move: the source's slots nearest the target's, so that both keep few ranges. */
export function slotsToMove(
  source: readonly [number, number][],
  target: readonly [number, number][],
  count: number,
): number[] {
  const all = source.flatMap(([start, end]) => Array.from({ length: end - start + 1 }, (_, index) => start + index));
  const targetFirst = target[0]?.[0] ?? 0;
  const sourceFirst = source[0]?.[0] ?? 0;
  return targetFirst > sourceFirst ? all.slice(-count) : all.slice(0, count);
}

/** Slots moved together. */
const SLOTS_PER_BATCH = 64;
/** Connections per node for SETSLOT: Valkey 8 holds each one until the node's replica has it (~20 ms). */
const SETSLOT_CONNECTIONS = 16;

/** Sends the commands spread over a pool of connections to one node, so that their replica waits overlap. */
async function spread(pool: readonly Redis[], commands: string[][]): Promise<void> {
  await Promise.all(
    commands.map(([name, ...args], index) => (pool[index % pool.length] as Redis).call(name as string, ...args)),
  );
}

async function connectionPool(node: Redis): Promise<Redis[]> {
  const pool = Array.from({ length: SETSLOT_CONNECTIONS }, () => {
    const connection = node.duplicate();
    connection.on('error', () => {}); // a node killed mid-reshard: the command's promise reports it
    return connection;
  });
  try {
    await Promise.all(pool.map((connection) => waitForAdmin(connection)));
  } catch (error) {
    pool.forEach((connection) => connection.disconnect());
    throw error;
  }
  return pool;
}

interface ReshardNodes {
  source: Redis;
  sourcePool: Redis[];
  targetPool: Redis[];
  otherPools: Redis[][];
}

interface ReshardMove {
  lab: Lab;
  nodes: ReshardNodes;
  ids: { source: string; target: string };
  targetPort: number;
}

const setslot = (slots: readonly number[], state: string, id: string) =>
  slots.map((slot) => ['cluster', 'setslot', String(slot), state, id]);

/** SETSLOT IMPORTING on the target, then MIGRATING on the source. */
async function openSlots({ nodes, ids }: ReshardMove, slots: readonly number[]): Promise<void> {
  await spread(nodes.targetPool, setslot(slots, 'importing', ids.source));
  await spread(nodes.sourcePool, setslot(slots, 'migrating', ids.target));
}

/** SETSLOT NODE: the target first, so that a slot is never owned by nobody (valkey-cli's order), then the rest. */
async function closeSlots({ nodes, ids }: ReshardMove, slots: readonly number[]): Promise<void> {
  await spread(nodes.targetPool, setslot(slots, 'node', ids.target));
  await spread(nodes.sourcePool, setslot(slots, 'node', ids.target));
  await Promise.all(
    nodes.otherPools.map((pool) => spread(pool, setslot(slots, 'node', ids.target)).catch(() => undefined)),
  );
}

/** MIGRATEs up to `limit` of the slot's keys (all of them by default); returns how many moved. */
async function migrateKeys({ lab, nodes, targetPort }: ReshardMove, slot: number, limit = Infinity): Promise<number> {
  let moved = 0;
  while (moved < limit) {
    const batch = Math.min(KEYS_PER_MIGRATE, limit - moved);
    const keys = (await nodes.source.call('cluster', 'getkeysinslot', String(slot), String(batch))) as string[];
    if (keys.length === 0) break;
    const auth = ['auth2', ADMIN_USER, lab.password];
    await nodes.source.call('migrate', '127.0.0.1', String(targetPort), '', '0', '5000', ...auth, 'keys', ...keys);
    moved += keys.length;
  }
  return moved;
}

/** Moves a batch of slots and their keys; returns how many keys moved. */
async function moveSlots(move: ReshardMove, slots: readonly number[]): Promise<number> {
  await openSlots(move, slots);
  let moved = 0;
  for (const slot of slots) moved += await migrateKeys(move, slot);
  await closeSlots(move, slots);
  return moved;
}

/**
 * Where a reshard told to pause after `pauseAfterKeys` keys stops: the slot in which that many
 * keys have moved while some of its keys are still on the source, and how many of its keys move
 * before the pause; null when the slots hold too few keys to stop in the middle of one.
 */
async function pausePoint(
  source: Redis,
  slots: readonly number[],
  pauseAfterKeys: number,
): Promise<{ index: number; keysBefore: number } | null> {
  const pipeline = source.pipeline();
  for (const slot of slots) pipeline.call('cluster', 'countkeysinslot', String(slot));
  const counts = ((await pipeline.exec()) ?? []).map(([, count]) => Number(count));
  let total = 0;
  for (const [index, count] of counts.entries()) {
    if (total + count > pauseAfterKeys) return { index, keysBefore: pauseAfterKeys - total };
    total += count;
  }
  return null;
}

/** The paused reshard's resume switch, per lab; see resumeReshard. */
const pausedReshards = new WeakMap<Lab, { slot: number; resume: () => void }>();

/** The slot a paused reshard left half moved, if any. */
export function pausedSlot(lab: Lab): number | null {
  return pausedReshards.get(lab)?.slot ?? null;
}

/** Finishes the reshard paused mid-slot; false when none is paused. */
export function resumeReshard(lab: Lab): boolean {
  const paused = pausedReshards.get(lab);
  if (!paused) return false;
  pausedReshards.delete(lab);
  paused.resume();
  return true;
}

/**
 * Validates and starts a reshard; `done` settles with what moved. With `pauseAfterKeys`, it stops
 * once that many keys have moved, in the middle of a slot (IMPORTING on the target, MIGRATING on
 * the source, some keys on each), so that commands on that slot answer ASK, until resumeReshard.
 */
export async function startReshard(
  lab: Lab,
  from: number,
  to: number,
  count: number,
  pauseAfterKeys?: number,
): Promise<{ done: Promise<ReshardResult> }> {
  if (lab.shape !== 'cluster')
    throw new AppError('bad_request', 'Resharding needs a cluster lab: a replication lab has no slots.');
  if (from === to) throw new AppError('bad_request', '"from" and "to" must be two different shards.');
  // A slot the learner left half moved by hand would stop the move: repaired first, as `--cluster fix` would.
  await repairOpenSlots(lab);
  const source = await shardMembers(lab, from);
  const target = await shardMembers(lab, to);
  const owned = source.primary.slots.reduce((sum, [start, end]) => sum + end - start + 1, 0);
  if (!Number.isInteger(count) || count < 1 || count > owned)
    throw new AppError(
      'bad_request',
      `"slots" must be a whole number from 1 to ${owned}, the slots shard ${from} owns.`,
    );
  const sourceAdmin = adminAt(lab, source.primary.address);
  const targetAdmin = adminAt(lab, target.primary.address);
  if (!sourceAdmin || !targetAdmin) throw new AppError('bad_request', 'Both shards need a running primary to reshard.');
  const slots = slotsToMove(source.primary.slots, target.primary.slots, count);
  const pause = pauseAfterKeys === undefined ? null : await pausePoint(sourceAdmin, slots, pauseAfterKeys);
  if (pauseAfterKeys !== undefined && !pause)
    throw new AppError(
      'bad_request',
      `The ${slots.length} slots to move hold ${pauseAfterKeys} keys or fewer: write more keys in them to pause in the middle of a slot.`,
    );
  const others = source.view
    .filter((line) => isPrimary(line) && line.id !== source.primary.id && line.id !== target.primary.id)
    .flatMap((line) => adminAt(lab, line.address) ?? []);
  const ids = { source: source.primary.id, target: target.primary.id };
  const targetPort = Number(target.primary.address.split(':')[1]);
  const slotFields = { count: slots.length, first: slots[0] as number, last: slots.at(-1) as number };
  lab.timeline.record(
    `Resharding: moving ${slots.length} slots (${slots[0]}–${slots.at(-1)}) from shard ${from} to shard ${to}`,
    { kind: 'reshard-started', from, to, slots: slotFields, progress: { slots: 0, keys: 0 } },
  );
  const pools: Redis[][] = [];
  const done = (async () => {
    const [sourcePool, targetPool, ...otherPools] = await Promise.all(
      [sourceAdmin, targetAdmin, ...others].map(async (node) => {
        const pool = await connectionPool(node);
        pools.push(pool);
        return pool;
      }),
    );
    const move: ReshardMove = {
      lab,
      nodes: { source: sourceAdmin, sourcePool: sourcePool as Redis[], targetPool: targetPool as Redis[], otherPools },
      ids,
      targetPort,
    };
    let keys = 0;
    let reported = 0;
    const progressed = (movedSlots: number) => {
      const percent = Math.floor((movedSlots * 100) / slots.length);
      if (percent < reported + 25 || movedSlots >= slots.length) return;
      reported = percent - (percent % 25);
      lab.timeline.record(`Resharding: ${movedSlots} of ${slots.length} slots moved (${keys} keys)`, {
        kind: 'reshard-progress',
        from,
        to,
        slots: slotFields,
        progress: { slots: movedSlots, keys },
      });
    };
    const moveRange = async (begin: number, end: number) => {
      for (let index = begin; index < end && !lab.stopped; index += SLOTS_PER_BATCH) {
        const batch = slots.slice(index, Math.min(end, index + SLOTS_PER_BATCH));
        keys += await moveSlots(move, batch);
        progressed(index + batch.length);
      }
    };
    if (pause) {
      const slot = slots[pause.index] as number;
      await moveRange(0, pause.index);
      await openSlots(move, [slot]);
      keys += await migrateKeys(move, slot, pause.keysBefore);
      const left = Number(await sourceAdmin.call('cluster', 'countkeysinslot', String(slot)));
      const resumed = new Promise<void>((resume) => pausedReshards.set(lab, { slot, resume }));
      lab.timeline.record(
        `Resharding paused in the middle of slot ${slot}: ${keys} keys moved, ${left} still on shard ${from}; commands on it answer ASK`,
        { kind: 'reshard-paused', from, to, slot, slots: slotFields, progress: { slots: pause.index, keys } },
      );
      // A lab deleted while paused ends the reshard (its connections would otherwise stay open).
      let waiting = true;
      void resumed.then(() => (waiting = false));
      while (waiting && !lab.stopped) await Promise.race([resumed, sleep(250)]);
      if (lab.stopped) throw new Error('the lab was stopped');
      lab.timeline.record(`Resharding resumed: finishing slot ${slot}`, { kind: 'reshard-resumed', from, to, slot });
      keys += await migrateKeys(move, slot);
      await closeSlots(move, [slot]);
      progressed(pause.index + 1);
      await moveRange(pause.index + 1, slots.length);
    } else {
      await moveRange(0, slots.length);
    }
    lab.timeline.record(
      `Resharding done: ${slots.length} slots and ${keys} keys moved from shard ${from} to shard ${to}`,
      { kind: 'reshard-done', from, to, slots: slotFields, progress: { slots: slots.length, keys } },
    );
    return { slots: slots.length, keys };
  })()
    .catch((error: unknown) => {
      lab.timeline.record(`Resharding stopped: ${error instanceof Error ? error.message : String(error)}`, {
        kind: 'reshard-stopped',
        from,
        to,
      });
      return { slots: 0, keys: 0 };
    })
    .finally(() => {
      pausedReshards.delete(lab);
      pools.flat().forEach((connection) => connection.disconnect());
    });
  return { done };
}
