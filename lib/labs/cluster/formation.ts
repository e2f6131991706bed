/**
 * Forms a new lab's topology from code, as `valkey-cli --cluster create … --cluster-replicas 1`
 * does (clusterManagerCommandCreate in valkey-cli.c), without its fixed one-second waits: slots
 * split evenly over three primaries, a config epoch per node, every node met, then each replica
 * attached to its primary. Ready means every node says cluster_state:ok and every replica's link is up.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type Redis from 'ioredis';
import { parseClusterNodes } from './cluster-nodes';
import type { Lab } from './lab';
import { SLOT_COUNT } from './keyslot';
import { CLUSTER_BUS_OFFSET } from '@/lib/servers/ports';

const admin = (lab: Lab, index: number): Redis => lab.nodes[index]?.admin as Redis;

/** Polls `check` every 20 ms until it holds, or fails with `what` after the timeout. */
export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // A node still starting or syncing: ask again.
    }
    if (Date.now() > deadline) throw new Error(`The lab did not become ready: ${what}.`);
    await sleep(20);
  }
}

/** Inclusive slot ranges that split every slot evenly over `count` shards (valkey-cli's split). */
export function evenSlotRanges(count: number): [number, number][] {
  const perShard = SLOT_COUNT / count;
  return Array.from({ length: count }, (_, index) => [
    Math.round(index * perShard),
    Math.round((index + 1) * perShard) - 1,
  ]);
}

export async function formCluster(lab: Lab): Promise<void> {
  const primaries = [0, 1, 2];
  const ranges = evenSlotRanges(primaries.length);
  const ids = await Promise.all(
    lab.nodes.map((_, index) => admin(lab, index).call('cluster', 'myid') as Promise<string>),
  );
  await Promise.all(
    lab.nodes.map(async (_, index) => {
      await admin(lab, index).call('cluster', 'set-config-epoch', String(index + 1));
      const range = ranges[index];
      if (range) await admin(lab, index).call('cluster', 'addslotsrange', String(range[0]), String(range[1]));
    }),
  );
  await Promise.all(
    lab.nodes
      .slice(1)
      .map((node) =>
        admin(lab, 0).call('cluster', 'meet', '127.0.0.1', String(node.port), String(node.port + CLUSTER_BUS_OFFSET)),
      ),
  );
  await waitUntil('every node knows the others', async () => {
    const known = await Promise.all(
      lab.nodes.map(async (_, index) =>
        parseClusterNodes((await admin(lab, index).call('cluster', 'nodes')) as string),
      ),
    );
    return known.every(
      (lines) => lines.length === lab.nodes.length && lines.every((line) => !line.flags.includes('handshake')),
    );
  });
  ids.forEach((id, index) => lab.shardOfNode.set(id, (index % primaries.length) + 1));
  await Promise.all(
    lab.nodes
      .slice(primaries.length)
      .map((_, offset) => admin(lab, primaries.length + offset).call('cluster', 'replicate', ids[offset] as string)),
  );
  await waitUntil('every node serves every slot and every replica is in sync', async () => {
    const states = await Promise.all(
      lab.nodes.map(async (_, index) => {
        const info = (await admin(lab, index).call('cluster', 'info')) as string;
        if (!info.includes('cluster_state:ok')) return false;
        if (index < primaries.length) return true;
        return ((await admin(lab, index).call('info', 'replication')) as string).includes('master_link_status:up');
      }),
    );
    return states.every(Boolean);
  });
}

export async function formReplication(lab: Lab): Promise<void> {
  const primary = lab.nodes[0];
  if (!primary) throw new Error('a replication lab needs a primary');
  await Promise.all(
    lab.nodes.slice(1).map((_, offset) => admin(lab, offset + 1).call('replicaof', '127.0.0.1', String(primary.port))),
  );
  await waitUntil('every replica is in sync', async () => {
    const links = await Promise.all(
      lab.nodes.slice(1).map(async (_, offset) => (await admin(lab, offset + 1).call('info', 'replication')) as string),
    );
    return links.every((info) => info.includes('master_link_status:up'));
  });
  lab.primaryEndpoint = primary.address;
  lab.shardOfNode.clear();
}
