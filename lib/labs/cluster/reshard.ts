/**
 * Moving N slots, with their keys, from one shard's primary to another's, as
 * `valkey-cli --cluster reshard` does (clusterManagerMoveSlot): per slot, SETSLOT IMPORTING on the
 * target and MIGRATING on the source, MIGRATE its keys in batches (signed in with the lab's
 * password, AUTH2), then SETSLOT NODE on every primary. While a slot is half moved, a node-mode
 * command on one of its moved keys answers ASK. Progress goes to the timeline.
 */
import type Redis from 'ioredis';
import { AppError } from '@/lib/errors';
import { ADMIN_USER } from '@/lib/servers/local-server';
import { isPrimary } from './cluster-nodes';
import type { Lab } from './lab';
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
  const pool = Array.from({ length: SETSLOT_CONNECTIONS }, () => node.duplicate());
  try {
    await Promise.all(pool.map((connection) => waitForAdmin(connection)));
  } catch (error) {
    pool.forEach((connection) => connection.disconnect());
    throw error;
  }
  return pool;
}

/** Moves a batch of slots and their keys; returns how many keys moved. */
async function moveSlots(
  lab: Lab,
  slots: readonly number[],
  nodes: { source: Redis; sourcePool: Redis[]; targetPool: Redis[]; otherPools: Redis[][] },
  ids: { source: string; target: string },
  targetPort: number,
): Promise<number> {
  const setslot = (state: string, id: string) => slots.map((slot) => ['cluster', 'setslot', String(slot), state, id]);
  await spread(nodes.targetPool, setslot('importing', ids.source));
  await spread(nodes.sourcePool, setslot('migrating', ids.target));
  let moved = 0;
  for (const slot of slots) {
    for (;;) {
      const keys = (await nodes.source.call(
        'cluster',
        'getkeysinslot',
        String(slot),
        String(KEYS_PER_MIGRATE),
      )) as string[];
      if (keys.length === 0) break;
      const auth = ['auth2', ADMIN_USER, lab.password];
      await nodes.source.call('migrate', '127.0.0.1', String(targetPort), '', '0', '5000', ...auth, 'keys', ...keys);
      moved += keys.length;
    }
  }
  // The target first, so that a slot is never owned by nobody (valkey-cli's order), then the rest.
  await spread(nodes.targetPool, setslot('node', ids.target));
  await spread(nodes.sourcePool, setslot('node', ids.target));
  await Promise.all(nodes.otherPools.map((pool) => spread(pool, setslot('node', ids.target)).catch(() => undefined)));
  return moved;
}

/** Validates and starts a reshard; `done` settles with what moved. */
export async function startReshard(
  lab: Lab,
  from: number,
  to: number,
  count: number,
): Promise<{ done: Promise<ReshardResult> }> {
  if (lab.shape !== 'cluster')
    throw new AppError('bad_request', 'Resharding needs a cluster lab: a replication lab has no slots.');
  if (from === to) throw new AppError('bad_request', '"from" and "to" must be two different shards.');
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
  const others = source.view
    .filter((line) => isPrimary(line) && line.id !== source.primary.id && line.id !== target.primary.id)
    .flatMap((line) => adminAt(lab, line.address) ?? []);
  const ids = { source: source.primary.id, target: target.primary.id };
  const targetPort = Number(target.primary.address.split(':')[1]);
  lab.timeline.record(
    `Resharding: moving ${slots.length} slots (${slots[0]}–${slots.at(-1)}) from shard ${from} to shard ${to}`,
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
    const nodes = {
      source: sourceAdmin,
      sourcePool: sourcePool as Redis[],
      targetPool: targetPool as Redis[],
      otherPools,
    };
    let keys = 0;
    let reported = 0;
    for (let index = 0; index < slots.length && !lab.stopped; index += SLOTS_PER_BATCH) {
      const batch = slots.slice(index, index + SLOTS_PER_BATCH);
      keys += await moveSlots(lab, batch, nodes, ids, targetPort);
      const movedSlots = index + batch.length;
      const percent = Math.floor((movedSlots * 100) / slots.length);
      if (percent >= reported + 25 && movedSlots < slots.length) {
        reported = percent - (percent % 25);
        lab.timeline.record(`Resharding: ${movedSlots} of ${slots.length} slots moved (${keys} keys)`);
      }
    }
    lab.timeline.record(
      `Resharding done: ${slots.length} slots and ${keys} keys moved from shard ${from} to shard ${to}`,
    );
    return { slots: slots.length, keys };
  })()
    .catch((error: unknown) => {
      lab.timeline.record(`Resharding stopped: ${error instanceof Error ? error.message : String(error)}`);
      return { slots: 0, keys: 0 };
    })
    .finally(() => pools.flat().forEach((connection) => connection.disconnect()));
  return { done };
}
