/**
 * A lab's topology as GET /api/labs/cluster returns it (docs/api.md): shards with their slot
 * ranges and nodes, each node's role, health, keys, memory and replication offset, the endpoints
 * and the timeline. Read live from the nodes on every call (about once a second from the page):
 * one CLUSTER NODES, and one INFO plus one DBSIZE per node.
 */
import type Redis from 'ioredis';
import { healthOf, isPrimary, parseClusterNodes, type ClusterNodeLine } from './cluster-nodes';
import type { LabEvent } from './events';
import type { Lab } from './lab';
import type { LabNode, LabShape } from './lab-node';
import type { WriteLossReport } from './write-loss-experiment';

export type NodeHealth = 'ok' | 'pfail' | 'fail' | 'down';

export interface TopologyNode {
  id: string;
  address: string;
  role: 'primary' | 'replica';
  health: NodeHealth;
  keys: number | null;
  usedMemory: number | null;
  offset: number | null;
  /** Bytes a replica is behind its shard's primary (0 for a primary); null when unknown. */
  lag: number | null;
}

export interface TopologyShard {
  id: number;
  /** Inclusive ranges; empty for the replication shape, which has no slots. */
  slots: [number, number][];
  nodes: TopologyNode[];
}

export interface LabEndpoints {
  /** Cluster shape: the node a cluster client is configured with (ElastiCache's configuration endpoint). */
  configuration?: string;
  /** Replication shape: where the primary endpoint points (moved by a failover). */
  primary?: string;
  /** Replication shape: the replicas behind the reader endpoint. */
  reader?: string[];
}

export interface LabTopology {
  shape: LabShape;
  /** The lab is stopped and deleted after this many seconds without a console command or an operation. */
  idleLimitSeconds: number;
  shards: TopologyShard[];
  endpoints: LabEndpoints;
  events: LabEvent[];
  /** The latest write-loss experiment, as it runs and once done; null before the first. */
  writeLoss: WriteLossReport | null;
}

interface NodeStats {
  up: boolean;
  keys: number | null;
  usedMemory: number | null;
  offset: number | null;
  role: 'primary' | 'replica' | null;
}

const field = (info: string, name: string): string | undefined =>
  new RegExp(`^${name}:(.*)$`, 'm').exec(info)?.[1]?.trim();

async function nodeStats(node: LabNode): Promise<NodeStats> {
  const admin = node.admin;
  if (!node.alive || !admin || admin.status !== 'ready')
    return { up: false, keys: null, usedMemory: null, offset: null, role: null };
  try {
    const [info, keys] = await Promise.all([
      admin.call('info', 'replication', 'memory') as Promise<string>,
      admin.call('dbsize') as Promise<number>,
    ]);
    const offset = field(info, 'master_repl_offset');
    return {
      up: true,
      keys,
      usedMemory: Number(field(info, 'used_memory') ?? NaN) || null,
      offset: offset === undefined ? null : Number(offset),
      role: field(info, 'role') === 'master' ? 'primary' : 'replica',
    };
  } catch {
    return { up: false, keys: null, usedMemory: null, offset: null, role: null };
  }
}

/** CLUSTER NODES as seen by the first node that answers, with each line's address. */
export async function clusterView(lab: Lab): Promise<ClusterNodeLine[]> {
  for (const node of lab.nodes) {
    if (!node.alive || node.admin?.status !== 'ready') continue;
    try {
      return parseClusterNodes((await (node.admin as Redis).call('cluster', 'nodes')) as string);
    } catch {
      // Ask the next node.
    }
  }
  return [];
}

/** The serving primary first, then the replicas, then a former primary that is down; by address within each. */
const rank = (node: TopologyNode) => (node.role === 'replica' ? 1 : node.health === 'down' ? 2 : 0);
const primaryFirst = (a: TopologyNode, b: TopologyNode) => rank(a) - rank(b) || a.address.localeCompare(b.address);

function withLag(nodes: TopologyNode[]): TopologyNode[] {
  const primaryOffset = nodes.find((node) => node.role === 'primary' && node.health !== 'down')?.offset ?? null;
  return nodes.map((node) => ({
    ...node,
    lag:
      node.role === 'primary'
        ? 0
        : primaryOffset === null || node.offset === null
          ? null
          : Math.max(0, primaryOffset - node.offset),
  }));
}

/** The shard number of each node: a primary keeps the one it got at formation, a replica takes its primary's. */
export function shardNumbers(lab: Lab, view: readonly ClusterNodeLine[]): Map<string, number> {
  for (const line of view) {
    const primaryShard = line.primaryId === null ? undefined : lab.shardOfNode.get(line.primaryId);
    if (primaryShard !== undefined) lab.shardOfNode.set(line.id, primaryShard);
  }
  return lab.shardOfNode;
}

async function clusterTopology(lab: Lab, stats: NodeStats[]): Promise<TopologyShard[]> {
  const view = await clusterView(lab);
  const shards = shardNumbers(lab, view);
  const byShard = new Map<number, TopologyShard>();
  for (const line of view) {
    const index = lab.nodes.findIndex((node) => node.address === line.address);
    const stat = stats[index];
    const number = shards.get(line.id);
    if (!stat || number === undefined) continue;
    const shard = byShard.get(number) ?? { id: number, slots: [], nodes: [] };
    byShard.set(number, shard);
    if (isPrimary(line)) shard.slots.push(...line.slots);
    shard.nodes.push({
      id: line.id,
      address: line.address,
      role: isPrimary(line) ? 'primary' : 'replica',
      health: stat.up ? healthOf(line) : 'down',
      keys: stat.keys,
      usedMemory: stat.usedMemory,
      offset: stat.offset,
      lag: null,
    });
  }
  return [...byShard.values()]
    .sort((a, b) => a.id - b.id)
    .map((shard) => ({
      ...shard,
      slots: shard.slots.sort((a, b) => a[0] - b[0]),
      nodes: withLag(shard.nodes.sort(primaryFirst)),
    }));
}

/** Replication shape: the role each node last reported, so that a primary that went down stays labelled a primary. */
const lastRoles = new WeakMap<Lab, Map<string, 'primary' | 'replica'>>();

function rolesOf(lab: Lab): Map<string, 'primary' | 'replica'> {
  const roles = lastRoles.get(lab) ?? new Map<string, 'primary' | 'replica'>();
  lastRoles.set(lab, roles);
  return roles;
}

/** Notes a node's role before it goes down (a killed primary), for the topology to label it. */
export function rememberRole(lab: Lab, address: string, role: 'primary' | 'replica'): void {
  rolesOf(lab).set(address, role);
}

function replicationTopology(lab: Lab, stats: NodeStats[]): TopologyShard[] {
  const roles = rolesOf(lab);
  const nodes = lab.nodes.map((node, index): TopologyNode => {
    const stat = stats[index] as NodeStats;
    if (stat.role) roles.set(node.address, stat.role);
    return {
      id: node.address,
      address: node.address,
      role: stat.role ?? roles.get(node.address) ?? (node.address === lab.primaryEndpoint ? 'primary' : 'replica'),
      health: stat.up ? 'ok' : 'down',
      keys: stat.keys,
      usedMemory: stat.usedMemory,
      offset: stat.offset,
      lag: null,
    };
  });
  return [{ id: 1, slots: [], nodes: withLag(nodes.sort(primaryFirst)) }];
}

export function labEndpoints(lab: Lab): LabEndpoints {
  if (lab.shape === 'cluster') {
    return { configuration: (lab.nodes.find((node) => node.alive) ?? lab.nodes[0])?.address };
  }
  return {
    primary: lab.primaryEndpoint,
    // Like ElastiCache's reader endpoint, only replicas that are up: a node that is down takes no reads.
    reader: lab.nodes.filter((node) => node.alive && node.address !== lab.primaryEndpoint).map((node) => node.address),
  };
}

export async function labTopology(lab: Lab): Promise<LabTopology> {
  const stats = await Promise.all(lab.nodes.map(nodeStats));
  const shards = lab.shape === 'cluster' ? await clusterTopology(lab, stats) : replicationTopology(lab, stats);
  return {
    shape: lab.shape,
    idleLimitSeconds: Math.round(lab.settings.idleMs / 1000),
    shards,
    endpoints: labEndpoints(lab),
    events: lab.timeline.list(),
    writeLoss: lab.writeLoss && structuredClone(lab.writeLoss),
  };
}
