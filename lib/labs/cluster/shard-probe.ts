/**
 * What the lab's operations ask the cluster: the current view from a live node, a shard's
 * primary and replicas, and whether a write to a shard is served (a SET of a probe key in one of
 * its slots, through whichever node the view says owns it).
 */
import type Redis from 'ioredis';
import { AppError } from '@/lib/errors';
import { healthOf, isPrimary, type ClusterNodeLine } from './cluster-nodes';
import type { Lab } from './lab';
import { keySlot } from './keyslot';
import { clusterView, shardNumbers } from './topology';

export interface ShardMembers {
  view: ClusterNodeLine[];
  primary: ClusterNodeLine;
  replicas: ClusterNodeLine[];
}

/** The shard's serving primary and its replicas, or a 400 naming the shards there are. */
export async function shardMembers(lab: Lab, shard: number): Promise<ShardMembers> {
  const view = await clusterView(lab);
  const numbers = shardNumbers(lab, view);
  const members = view.filter((line) => numbers.get(line.id) === shard);
  const primary = members.find((line) => isPrimary(line) && healthOf(line) !== 'fail' && line.slots.length > 0);
  if (!primary) {
    const shards = [...new Set(numbers.values())].sort().join(', ');
    throw new AppError(
      'bad_request',
      `Shard ${shard} has no serving primary right now; your lab's shards are ${shards}.`,
    );
  }
  return { view, primary, replicas: members.filter((line) => line.primaryId === primary.id) };
}

/** A key whose slot is in `ranges`: `probe:<n>` for the first n that lands there. */
export function keyInSlots(ranges: readonly [number, number][], prefix = 'lab:probe:'): string {
  for (let n = 0; ; n++) {
    const slot = keySlot(`${prefix}${n}`);
    if (ranges.some(([start, end]) => slot >= start && slot <= end)) return `${prefix}${n}`;
  }
}

export const adminAt = (lab: Lab, address: string): Redis | null => {
  const node = lab.node(address);
  return node?.alive && node.admin?.status === 'ready' ? node.admin : null;
};

/** Whether a write of `key` succeeds on the node that a live node's view says owns its slot. */
export async function writeServed(lab: Lab, key: string, view: readonly ClusterNodeLine[]): Promise<boolean> {
  const slot = keySlot(key);
  const owner = view.find((line) => isPrimary(line) && line.slots.some(([start, end]) => slot >= start && slot <= end));
  const admin = owner ? adminAt(lab, owner.address) : null;
  if (!admin) return false;
  try {
    return (await admin.set(key, String(Date.now()))) === 'OK';
  } catch {
    return false;
  }
}
