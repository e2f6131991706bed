/**
 * Restarting a stopped node on its port and folder. A cluster node keeps its nodes.conf, so it
 * comes back with its id, learns that its slots now belong to the promoted replica (a higher
 * config epoch) and turns itself into that node's replica. A replication node comes back as a
 * lone primary, so the control plane points it at the primary endpoint, as ElastiCache replaces a
 * failed node with a replica.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '@/lib/errors';
import type { Lab } from './lab';
import { startLabNode } from './lab-node';
import { waitForAdmin } from './lab';
import { clusterView } from './topology';
import { findValkeyServer } from '@/lib/servers/server-binary';

/** Restarts a node that is down; resolves once it runs, with `done` settling once it has rejoined. */
export async function restartNode(
  lab: Lab,
  address: string,
  valkeyServer = findValkeyServer()?.path,
): Promise<{ done: Promise<void> }> {
  const index = lab.nodes.findIndex((node) => node.address === address);
  const old = lab.nodes[index];
  if (!old) throw new AppError('bad_request', `"node" must be one of your lab's nodes: ${lab.addresses.join(', ')}.`);
  if (old.alive)
    throw new AppError(
      'bad_request',
      `${address} is running: kill its shard's primary first, or pick a node that is down.`,
    );
  if (!valkeyServer) throw new AppError('unavailable', 'valkey-server was not found on this machine.');
  old.admin?.disconnect();
  const node = await startLabNode(lab.shape, old.port, old.dir, lab.settings, lab.password, valkeyServer);
  lab.nodes[index] = node;
  await waitForAdmin(node.admin as NonNullable<typeof node.admin>);
  lab.timeline.record(`Node ${address} restarted`, { kind: 'restarted', node: address });
  if (lab.shape === 'replication') {
    const [host, port] = lab.primaryEndpoint.split(':') as [string, string];
    if (address !== lab.primaryEndpoint) await node.admin?.call('replicaof', host, port);
    lab.timeline.record(`Node ${address} rejoined as a replica of ${lab.primaryEndpoint}`, {
      kind: 'rejoined',
      shard: 1,
      node: address,
    });
    return { done: Promise.resolve() };
  }
  const done = (async () => {
    for (let tries = 0; tries < 200 && !lab.stopped; tries++) {
      const view = await clusterView(lab);
      const line = view.find((entry) => entry.address === address);
      const primary = view.find((entry) => entry.id === line?.primaryId);
      if (line && primary && !line.flags.includes('fail')) {
        lab.timeline.record(`Node ${address} rejoined as a replica of ${primary.address}`, {
          kind: 'rejoined',
          shard: lab.shardOfNode.get(primary.id),
          node: address,
        });
        return;
      }
      await sleep(50);
    }
  })();
  return { done };
}
