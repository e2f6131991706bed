/**
 * Lesson commands that name a node: a lab's node ids and ports are only known once it runs, so a
 * lesson writes `$ID_OF_SHARD_2` (shard 2's primary's cluster node id) and `$PORT_OF_SHARD_2` (its
 * port), resolved against the learner's topology by <LabRun>, the challenge checker and the
 * reference solutions alike. Pure and client-safe.
 */
import { keySlot } from './keyslot';
import type { LabTopology, TopologyNode } from './topology';

const PLACEHOLDER = /\$(ID|PORT)_OF_SHARD_(\d)/g;

/** The serving primary of a shard, or null when it has none. */
export function shardPrimary(topology: LabTopology, shard: number): TopologyNode | null {
  return (
    topology.shards
      .find((each) => each.id === shard)
      ?.nodes.find((node) => node.role === 'primary' && node.health !== 'down' && node.health !== 'fail') ?? null
  );
}

const serving = (node: TopologyNode) => node.health !== 'down' && node.health !== 'fail';

/**
 * A serving replica of the shard that owns `key`'s slot (`<LabRun replicaOf="foo">`), or null when
 * that shard has none right now. Found from the topology, so it follows reshards and failovers.
 */
export function replicaOfKey(topology: LabTopology, key: string): TopologyNode | null {
  const slot = keySlot(new TextEncoder().encode(key));
  const shard = topology.shards.find((each) => each.slots.some(([first, last]) => first <= slot && slot <= last));
  return shard?.nodes.find((node) => node.role === 'replica' && serving(node)) ?? null;
}

/** The command with its placeholders filled in, or null when one names a shard without a serving primary. */
export function resolveLabCommand(command: string, topology: LabTopology): string | null {
  let unresolved = false;
  const resolved = command.replace(PLACEHOLDER, (_, what: string, shard: string) => {
    const primary = shardPrimary(topology, Number(shard));
    if (!primary) {
      unresolved = true;
      return '';
    }
    return what === 'ID' ? primary.id : (primary.address.split(':')[1] ?? '');
  });
  return unresolved ? null : resolved;
}
