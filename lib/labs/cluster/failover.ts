/**
 * Failover, as ElastiCache does it and as a learner breaks it: `graceful` (ElastiCache's
 * test-failover: CLUSTER FAILOVER on the shard's replica, or for the replication shape the control
 * plane promoting the least-lagged replica) and `kill` (the primary's process stopped with
 * SIGKILL). A watcher then records each step on the timeline (unreachable, suspected, marked
 * failed, replica promoted, writes served again, endpoint moved) and measures how long writes to
 * the shard failed. The route answers at once; `done` settles when the watcher has seen it through.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type Redis from 'ioredis';
import { AppError } from '@/lib/errors';
import { isPrimary, type ClusterNodeLine } from './cluster-nodes';
import type { Lab } from './lab';
import { adminAt, keyInSlots, shardMembers, writeServed } from './shard-probe';
import type { LabEventKind } from './events';
import { clusterView, rememberRole } from './topology';

const slotFields = (ranges: readonly [number, number][]) => ({
  count: ranges.reduce((sum, [start, end]) => sum + end - start + 1, 0),
  first: ranges[0]?.[0] ?? 0,
  last: ranges.at(-1)?.[1] ?? 0,
});

export type FailoverKind = 'graceful' | 'kill';

export interface FailoverResult {
  /** Milliseconds from the failover's start until a write to the shard succeeded again; null if it never did. */
  writeUnavailableMs: number | null;
  /** The node that is primary afterwards. */
  newPrimary: string | null;
}

/** How long the watcher waits for the cluster to heal before it records that it did not. */
const watchLimitMs = (lab: Lab) => Math.max(15_000, lab.settings.nodeTimeoutMs * 6);

function killNode(lab: Lab, address: string): void {
  const node = lab.node(address);
  const pid = node?.instance?.pid;
  if (!node || !pid || !node.alive) throw new AppError('bad_request', `${address} is not running.`);
  process.kill(pid, 'SIGKILL');
  node.alive = false;
}

async function watchClusterFailover(
  lab: Lab,
  shard: number,
  oldPrimary: ClusterNodeLine,
  started: number,
): Promise<FailoverResult> {
  const probeKey = keyInSlots(oldPrimary.slots);
  const seen = new Set<string>();
  const once = (what: LabEventKind, text: string, node = oldPrimary.address) => {
    if (seen.has(what)) return;
    seen.add(what);
    lab.timeline.record(text, { kind: what, shard, node });
  };
  let writeUnavailableMs: number | null = null;
  let newPrimary: string | null = null;
  while (Date.now() - started < watchLimitMs(lab) && !lab.stopped) {
    const view = await clusterView(lab);
    const old = view.find((line) => line.id === oldPrimary.id);
    if (old?.flags.includes('fail?'))
      once(
        'suspected',
        `Primary ${oldPrimary.address} suspected (pfail): no answer for ${lab.settings.nodeTimeoutMs} ms`,
      );
    if (old?.flags.includes('fail'))
      once('failed', `Primary ${oldPrimary.address} marked failed by a majority of primaries`);
    const promoted = view.find(
      (line) =>
        line.id !== oldPrimary.id &&
        isPrimary(line) &&
        line.slots.some(([start]) => oldPrimary.slots.some(([s, e]) => start >= s && start <= e)),
    );
    if (promoted) {
      newPrimary = promoted.address;
      once('promoted', `Replica ${promoted.address} promoted to primary of shard ${shard}`, promoted.address);
    }
    if (writeUnavailableMs === null && promoted && (await writeServed(lab, probeKey, view))) {
      writeUnavailableMs = Date.now() - started;
      lab.timeline.record(`Shard ${shard}'s slots served again: writes failed for ${writeUnavailableMs} ms`, {
        kind: 'served-again',
        shard,
        node: newPrimary ?? undefined,
        slots: slotFields(oldPrimary.slots),
        outageMs: writeUnavailableMs,
      });
      break;
    }
    await sleep(50);
  }
  if (writeUnavailableMs === null)
    lab.timeline.record(`Shard ${shard} did not recover within ${watchLimitMs(lab) / 1000} s`, {
      kind: 'not-recovered',
      shard,
    });
  return { writeUnavailableMs, newPrimary };
}

async function replicaOffset(admin: Redis | null): Promise<number> {
  if (!admin) return -1;
  try {
    const info = (await admin.call('info', 'replication')) as string;
    return Number(/^(?:slave_repl_offset|master_repl_offset):(\d+)/m.exec(info)?.[1] ?? -1);
  } catch {
    return -1;
  }
}

/** The control plane of the replication shape: promote the least-lagged replica, repoint the others and the endpoint. */
async function promoteLeastLagged(
  lab: Lab,
  oldPrimary: string,
  started: number,
  graceful: boolean,
): Promise<FailoverResult> {
  const replicas = lab.addresses.filter((address) => address !== oldPrimary && lab.node(address)?.alive);
  const offsets = await Promise.all(replicas.map((address) => replicaOffset(adminAt(lab, address))));
  const best = offsets.indexOf(Math.max(...offsets));
  const chosen = replicas[best];
  const chosenAdmin = chosen ? adminAt(lab, chosen) : null;
  if (!chosen || !chosenAdmin) {
    lab.timeline.record('No replica could be promoted: every replica is down', { kind: 'not-recovered', shard: 1 });
    return { writeUnavailableMs: null, newPrimary: null };
  }
  lab.timeline.record(`Control plane picked ${chosen}, the replica with the least lag (offset ${offsets[best]})`, {
    kind: 'note',
    shard: 1,
    node: chosen,
  });
  const [host, port] = chosen.split(':') as [string, string];
  if (graceful) {
    // FAILOVER waits for the replica to catch up, then swaps roles: no acknowledged write is lost.
    await coordinatedFailover(lab, oldPrimary, host, port);
    await waitForRole(chosenAdmin, 'master');
  } else {
    await chosenAdmin.call('replicaof', 'no', 'one');
  }
  lab.timeline.record(`Replica ${chosen} promoted to primary`, { kind: 'promoted', shard: 1, node: chosen });
  for (const other of lab.addresses.filter((address) => address !== chosen)) {
    await adminAt(lab, other)
      ?.call('replicaof', host, port)
      .catch(() => undefined);
  }
  lab.primaryEndpoint = chosen;
  const writeUnavailableMs = Date.now() - started;
  lab.timeline.record(`Primary endpoint moved to ${chosen}: writes failed for ${writeUnavailableMs} ms`, {
    kind: 'endpoint-moved',
    shard: 1,
    node: chosen,
    outageMs: writeUnavailableMs,
  });
  return { writeUnavailableMs, newPrimary: chosen };
}

/**
 * FAILOVER TO on the primary, tried again while the chosen replica is still catching up (the
 * server refuses a target that is not yet "online" or aborts one that does not catch up in time).
 */
async function coordinatedFailover(lab: Lab, primary: string, host: string, port: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await (adminAt(lab, primary) as Redis).call('failover', 'to', host, port, 'timeout', '5000');
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      await sleep(200);
    }
  }
}

async function waitForRole(admin: Redis, role: 'master' | 'slave'): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    const info = (await admin.call('info', 'replication').catch(() => '')) as string;
    if (info.includes(`role:${role}`)) return;
    await sleep(25);
  }
}

/** Detects a dead primary as the control plane would: no answer to PING for a node timeout. */
async function waitUntilPrimaryFailed(lab: Lab, primary: string): Promise<void> {
  const since = Date.now();
  while (Date.now() - since < lab.settings.nodeTimeoutMs) {
    const admin = adminAt(lab, primary);
    if (admin && (await admin.ping().catch(() => null)) === 'PONG') return;
    await sleep(100);
  }
  lab.timeline.record(
    `Control plane marked primary ${primary} failed: no answer for ${lab.settings.nodeTimeoutMs} ms`,
    {
      kind: 'failed',
      shard: 1,
      node: primary,
    },
  );
}

/** A failover that went wrong ends on the timeline, never as an unhandled rejection (the route does not wait). */
function recordFailure(lab: Lab, watching: Promise<FailoverResult>): Promise<FailoverResult> {
  return watching.catch((error: unknown) => {
    lab.timeline.record(`Failover stopped: ${error instanceof Error ? error.message : String(error)}`, {
      kind: 'not-recovered',
    });
    return { writeUnavailableMs: null, newPrimary: null };
  });
}

/** Starts a failover of `shard` (1–3; the replication shape has shard 1 only); returns when it is under way. */
export async function startFailover(
  lab: Lab,
  shard: number,
  kind: FailoverKind,
): Promise<{ done: Promise<FailoverResult> }> {
  const started = Date.now();
  if (lab.shape === 'replication') {
    if (shard !== 1) throw new AppError('bad_request', 'A replication lab has one shard: shard 1.');
    const primary = lab.primaryEndpoint;
    if (kind === 'kill') {
      rememberRole(lab, primary, 'primary');
      killNode(lab, primary);
      lab.timeline.record(`Primary ${primary} stopped hard (SIGKILL): unreachable`, {
        kind: 'unreachable',
        shard: 1,
        node: primary,
      });
      const done = waitUntilPrimaryFailed(lab, primary).then(() => promoteLeastLagged(lab, primary, started, false));
      return { done: recordFailure(lab, done) };
    }
    lab.timeline.record(`Graceful failover of ${primary} requested (like ElastiCache's test-failover)`, {
      kind: 'failover',
      shard: 1,
      node: primary,
    });
    return { done: recordFailure(lab, promoteLeastLagged(lab, primary, started, true)) };
  }
  const { primary, replicas } = await shardMembers(lab, shard);
  const replica = replicas.find((line) => adminAt(lab, line.address));
  if (!replica)
    throw new AppError('bad_request', `Shard ${shard} has no running replica to fail over to: restart one first.`);
  if (kind === 'kill') {
    killNode(lab, primary.address);
    lab.timeline.record(`Primary ${primary.address} of shard ${shard} stopped hard (SIGKILL): unreachable`, {
      kind: 'unreachable',
      shard,
      node: primary.address,
    });
  } else {
    await (adminAt(lab, replica.address) as Redis).call('cluster', 'failover');
    lab.timeline.record(
      `CLUSTER FAILOVER on replica ${replica.address} of shard ${shard} (like ElastiCache's test-failover)`,
      { kind: 'failover', shard, node: replica.address },
    );
  }
  return { done: recordFailure(lab, watchClusterFailover(lab, shard, primary, started)) };
}
