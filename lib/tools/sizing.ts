/**
 * The sizing and cost estimator: from a workload (dataset, item size, peak reads and writes,
 * replicas, Multi-AZ, Region, engine) to a node-based plan and a Serverless estimate side by side,
 * with every assumption listed. Quotas and Serverless prices come from content/facts/elasticache.json,
 * node types from content/facts/node-types.json (./node-types.ts); where the references hold no
 * figure (node-hour prices, r7g and m7g memory), the learner supplies it.
 */
import { breakEven, type BreakEven } from './break-even';
import { ELASTICACHE_FACTS, ENGINE_LABELS, PRICES_AS_OF, type Engine } from './facts';
import { DATA_TIERING, nodeHourlyRate, pickNodeType, type NodeTypeChoice } from './node-types';
import { HOURS_PER_MONTH, nodeMonthlyUsd, serverlessCost, type Region, type ServerlessCost } from './serverless-cost';

const { quotas, reservedMemoryPercent: RESERVED } = ELASTICACHE_FACTS;

export interface SizingInput {
  datasetGb: number;
  itemBytes: number;
  readsPerSecond: number;
  writesPerSecond: number;
  replicas: number;
  multiAz: boolean;
  region: Region;
  engine: Engine;
  /**
   * Pick the node type from content/facts/node-types.json: the smallest size of this family that
   * holds each shard's data (Valkey and Redis OSS; ignored when nodeMemoryGb is given or for Memcached).
   */
  nodeFamily?: string;
  /** Spread the data over at least this many shards (default 1); more when the data needs them. */
  shards?: number;
  /** Memory of a node type you pick yourself (overrides nodeFamily); 50 GB when neither is given. */
  nodeMemoryGb?: number;
  /** Its on-demand price per node-hour in your Region, from the AWS pricing page (not in our references). */
  nodeHourlyUsd?: number;
  reservedMemoryPercent?: number;
  /** Room to grow, added to the dataset before dividing it into shards. */
  headroomPercent?: number;
}

/** The defaults the form starts with: the interview scenario's illustrative ~50 GB node and 30% growth. */
export const SIZING_DEFAULTS = {
  nodeMemoryGb: 50,
  reservedMemoryPercent: RESERVED.default,
  headroomPercent: 30,
} as const;

export interface NodeBasedPlan {
  nodeMemoryGb: number;
  reservedMemoryPercent: number;
  usablePerNodeGb: number;
  neededGb: number;
  shards: number;
  replicasPerShard: number;
  totalNodes: number;
  clusterMode: boolean;
  writesPerPrimary: number;
  readsPerNode: number;
  /** Which node quota the plan meets: within the default, after an increase, or over the maximum. */
  quota: 'within-default' | 'needs-increase' | 'over-maximum';
  quotaNote: string;
  dataTiering: string | null;
  /** The node type picked from the table, with its figures and source; null when the memory was entered. */
  nodeType: NodeTypeChoice | null;
  /** The R6gd plan for the same data when most of it is cold; null for one-shard plans and Memcached. */
  dataTieringOption: DataTieringOption | null;
  hourlyUsd: number | null;
  /** Where the hourly price came from: typed by the learner, the dated table, or nowhere. */
  priceFrom: 'entered' | 'table' | null;
  monthlyUsd: number | null;
}

export interface DataTieringOption {
  nodeType: NodeTypeChoice;
  hotGb: number;
  totalNodes: number;
  note: string;
}

export interface ServerlessEstimate extends ServerlessCost {
  withinLimits: boolean;
  notes: string[];
}

export interface SizingEstimate {
  nodeBased: NodeBasedPlan;
  serverless: ServerlessEstimate;
  assumptions: string[];
  pricesAsOf: string;
  /**
   * Where Serverless and the node-based plan cost the same; present only with a node-hour price,
   * and only where the references hold a Serverless rate for the engine and Region.
   */
  breakEven?: BreakEven;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function nodeQuota(engine: Engine, shards: number, totalNodes: number): Pick<NodeBasedPlan, 'quota' | 'quotaNote'> {
  if (engine === 'memcached') {
    const limits = quotas.memcachedNodesPerCluster;
    if (totalNodes <= limits.default)
      return {
        quota: 'within-default',
        quotaNote: `Within the default ${limits.default} Memcached nodes per cluster.`,
      };
    if (totalNodes <= limits.raisedMax)
      return {
        quota: 'needs-increase',
        quotaNote: `Over the default ${limits.default} Memcached nodes per cluster: request an increase (up to ${limits.raisedMax}).`,
      };
    return { quota: 'over-maximum', quotaNote: `Over ${limits.raisedMax} Memcached nodes: use bigger nodes.` };
  }
  const limits = quotas.nodesPerCluster;
  if (shards > quotas.shardsPerCluster.max || totalNodes > limits.raisedMax)
    return {
      quota: 'over-maximum',
      quotaNote: `Over ${limits.raisedMax} nodes per cluster: use bigger nodes or fewer replicas.`,
    };
  if (totalNodes > limits.default)
    return {
      quota: 'needs-increase',
      quotaNote: `Over the default ${limits.default} nodes per cluster: request an increase (up to ${limits.raisedMax} on Valkey 7.2+ or Redis OSS 5.0.6+).`,
    };
  return { quota: 'within-default', quotaNote: `Within the default ${limits.default} nodes per cluster.` };
}

const GB = 1e9;

function dataTieringOption(neededGb: number, reserved: number, input: SizingInput, replicasPerShard: number) {
  const hotGb = neededGb * DATA_TIERING.hotShareUpTo;
  const nodeType = pickNodeType({
    family: DATA_TIERING.family,
    neededGb,
    hotGb,
    capacityFactor: DATA_TIERING.totalCapacityVsR6g,
    reservedPercent: reserved,
    shardsWanted: input.shards ?? 1,
  });
  const totalNodes = nodeType.shards * (1 + replicasPerShard);
  return {
    nodeType,
    hotGb: round(hotGb),
    totalNodes,
    note: `Data tiering: if at most ${DATA_TIERING.hotShareUpTo * 100}% of the data is read regularly, ${nodeType.shards} × ${nodeType.nodeType} (${totalNodes} nodes) hold it, counting SSD as ${DATA_TIERING.totalCapacityVsR6g}× the memory (AWS's stated R6gd-to-R6g total capacity; the SSD size itself is not in our references).`,
  };
}

export function planNodes(input: SizingInput): NodeBasedPlan {
  const reservedMemoryPercent = input.reservedMemoryPercent ?? SIZING_DEFAULTS.reservedMemoryPercent;
  const headroom = input.headroomPercent ?? SIZING_DEFAULTS.headroomPercent;
  // reserved-memory-percent is a Valkey and Redis OSS parameter; Memcached's own overhead is not modelled.
  const reserved = input.engine === 'memcached' ? 0 : reservedMemoryPercent;
  const neededGb = input.datasetGb * (1 + headroom / 100);
  const shardsWanted = input.shards ?? 1;
  // The table holds Valkey / Redis OSS maxmemory, so Memcached and an entered memory bypass it.
  const nodeType =
    input.nodeMemoryGb === undefined && input.nodeFamily !== undefined && input.engine !== 'memcached'
      ? pickNodeType({ family: input.nodeFamily, neededGb, reservedPercent: reserved, shardsWanted })
      : null;
  const nodeMemoryGb = nodeType ? nodeType.maxmemoryBytes / GB : (input.nodeMemoryGb ?? SIZING_DEFAULTS.nodeMemoryGb);
  const usablePerNodeGb = nodeMemoryGb * (1 - reserved / 100);
  const shards = nodeType?.shards ?? Math.max(1, shardsWanted, Math.ceil(round(neededGb / usablePerNodeGb, 9)));
  const replicasPerShard =
    input.engine === 'memcached' ? 0 : input.multiAz ? Math.max(1, input.replicas) : input.replicas;
  const totalNodes = shards * (1 + replicasPerShard);
  const fitsOneNode = shards === 1;
  const tableRate = nodeType ? nodeHourlyRate(input.region, nodeType.nodeType) : null;
  const hourlyUsd = input.nodeHourlyUsd ?? tableRate?.usd ?? null;
  const tiering =
    input.engine !== 'memcached' && (!fitsOneNode || nodeType?.isLargest === true)
      ? dataTieringOption(neededGb, reserved, input, replicasPerShard)
      : null;
  return {
    nodeMemoryGb: round(nodeMemoryGb),
    reservedMemoryPercent: reserved,
    usablePerNodeGb: round(usablePerNodeGb),
    neededGb: round(neededGb),
    shards,
    replicasPerShard,
    totalNodes,
    clusterMode: input.engine !== 'memcached' && !fitsOneNode,
    writesPerPrimary: Math.ceil(input.writesPerSecond / shards),
    readsPerNode: Math.ceil(input.readsPerSecond / totalNodes),
    ...nodeQuota(input.engine, shards, totalNodes),
    dataTiering: tiering
      ? `${tiering.note} R6gd nodes can hold a large dataset on fewer nodes when only a small part of it is hot.`
      : null,
    nodeType,
    dataTieringOption: tiering,
    hourlyUsd,
    priceFrom: input.nodeHourlyUsd !== undefined ? 'entered' : tableRate ? 'table' : null,
    monthlyUsd: hourlyUsd === null ? null : round(nodeMonthlyUsd(totalNodes, hourlyUsd)),
  };
}

export function estimateServerless(input: SizingInput): ServerlessEstimate {
  const cost = serverlessCost({
    engine: input.engine,
    region: input.region,
    datasetGb: input.datasetGb,
    itemBytes: input.itemBytes,
    requestsPerSecond: input.readsPerSecond + input.writesPerSecond,
  });
  const notes: string[] = [];
  const storage = quotas.serverlessDataStorageGb;
  const ecpu = quotas.serverlessEcpuPerSecond;
  if (input.datasetGb > storage.max)
    notes.push(`Over the ${storage.max.toLocaleString('en-US')} GB a serverless cache can hold.`);
  if (cost.ecpusPerSecond > ecpu.max)
    notes.push(`Over the ${ecpu.max.toLocaleString('en-US')} ECPUs per second a serverless cache can serve.`);
  if (input.datasetGb < cost.minimumGb)
    notes.push(
      `${ENGINE_LABELS[input.engine]} is metered for at least ${cost.minimumGb} GB, so that is what is billed.`,
    );
  if (!cost.rate)
    notes.push(
      `Our references hold no ${ENGINE_LABELS[input.engine]} Serverless rate for ${input.region}: see the AWS pricing page.`,
    );
  return { ...cost, withinLimits: input.datasetGb <= storage.max && cost.ecpusPerSecond <= ecpu.max, notes };
}

function assumptionsFor(input: SizingInput, plan: NodeBasedPlan): string[] {
  const list = [
    `A month is ${HOURS_PER_MONTH} hours; prices are on-demand, without reserved-node discounts (up to 55% off), data transfer, backups or taxes.`,
    `Usable memory per node is its memory minus reserved memory (${plan.reservedMemoryPercent}%; AWS's default is ${RESERVED.default}%, and it suggests ${RESERVED.smallBurstable}% on small burstable nodes and ${RESERVED.micro}% on micro nodes).`,
    `The dataset gets ${input.headroomPercent ?? SIZING_DEFAULTS.headroomPercent}% headroom to grow before it is divided into shards, and keys spread evenly over them.`,
    plan.nodeType
      ? `Node type ${plan.nodeType.nodeType}: maxmemory ${plan.nodeType.maxmemoryBytes.toLocaleString('en-US')} bytes (${plan.nodeType.memoryGb} GB), the smallest ${plan.nodeType.family} size that holds each shard's data, from ${plan.nodeType.source.title} (${plan.nodeType.source.href}, as of ${plan.nodeType.source.asOf}, read ${plan.nodeType.source.readOn}).`
      : `Node memory ${plan.nodeMemoryGb} GB as entered${input.nodeMemoryGb === undefined ? ' (the interview scenario’s illustrative node)' : ''}.`,
    plan.priceFrom === 'entered'
      ? `Node-hour price $${plan.hourlyUsd} as entered.`
      : 'Node-hour prices are not in our references (checked 2026-12-05): enter the on-demand rate for your node type and Region from the AWS pricing page.',
    'Shard count comes from memory only: throughput per node depends on the command mix, so benchmark it (one engine thread per primary carries every write).',
    'Serverless ECPUs: 1 per KB moved by each read or write, at least 1; commands that need more CPU cost more.',
  ];
  if (input.multiAz && input.replicas < 1 && input.engine !== 'memcached')
    list.push('Multi-AZ needs at least one replica per shard, so one is counted.');
  if (plan.dataTieringOption) {
    const source = DATA_TIERING.sourceRef;
    list.push(
      `Data tiering figures (R6gd: ${DATA_TIERING.hotShareUpTo * 100}% hot, ${DATA_TIERING.totalCapacityVsR6g}× total capacity) from ${source.title} (${source.href}, as of ${source.asOf}, read ${source.readOn}).`,
    );
  }
  if (input.engine === 'memcached')
    list.push(
      'Memcached has no replicas or Multi-AZ failover: every node holds its share of the keys. Reserved memory is a Valkey and Redis OSS setting, so none is subtracted; Memcached’s own overhead is not modelled.',
    );
  return list;
}

export function estimateSizing(input: SizingInput): SizingEstimate {
  const nodeBased = planNodes(input);
  const crossing =
    nodeBased.hourlyUsd === null
      ? null
      : breakEven({
          engine: input.engine,
          region: input.region,
          datasetGb: input.datasetGb,
          itemBytes: input.itemBytes,
          nodes: nodeBased.totalNodes,
          nodeHourlyUsd: nodeBased.hourlyUsd,
          requestsPerSecond: input.readsPerSecond + input.writesPerSecond,
        });
  return {
    nodeBased,
    serverless: estimateServerless(input),
    assumptions: assumptionsFor(input, nodeBased),
    pricesAsOf: PRICES_AS_OF,
    ...(crossing ? { breakEven: crossing } : {}),
  };
}
