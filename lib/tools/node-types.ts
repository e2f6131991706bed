/**
 * The dated node-type table the sizing estimator picks from (content/facts/node-types.json), checked
 * by a zod schema when the module loads so a bad edit fails every test at once. Each size carries
 * its Valkey / Redis OSS `maxmemory` from AWS's node-type-specific parameter table; vCPUs and memory
 * in GiB only where AWS's page states them. No node-hour prices: no stored page we could read holds
 * them, so the learner enters the rate (see docs/tools.md, "Node-type table").
 */
import { z } from 'zod';
import table from '@/content/facts/node-types.json';

const Source = z.strictObject({
  title: z.string().min(1),
  href: z.url(),
  asOf: z.string().regex(/^\d{4}-\d{2}$/),
  readOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

const Size = z.strictObject({
  nodeType: z.string().regex(/^cache\.[a-z0-9]+\.[a-z0-9]+$/),
  maxmemoryBytes: z.number().int().positive(),
  vCpus: z.number().int().positive().optional(),
  memoryGib: z.number().positive().optional(),
});

const Family = z.strictObject({
  label: z.string().min(1),
  source: z.string(),
  vCpuSource: z.string().optional(),
  dataTiering: z.boolean().optional(),
  sizes: z.array(Size).min(1),
});

const NodeTypeTable = z
  .strictObject({
    $comment: z.string(),
    sources: z.record(z.string(), Source),
    families: z.record(z.string(), Family),
    dataTiering: z.strictObject({
      family: z.string(),
      hotShareUpTo: z.number().positive().max(1),
      totalCapacityVsR6g: z.number().min(1),
      source: z.string(),
      note: z.string(),
    }),
    onDemandHourlyUsd: z.strictObject({
      available: z.boolean(),
      checkedOn: z.string(),
      note: z.string(),
      /** Region → node type → USD per node-hour, each Region's table with its own source and date when one is found. */
      regions: z.record(
        z.string(),
        z.strictObject({ source: z.string(), rates: z.record(z.string(), z.number().positive()) }),
      ),
    }),
    notInTable: z.strictObject({ families: z.array(z.string()), note: z.string() }),
  })
  .superRefine((value, context) => {
    const cited = [
      ...Object.values(value.families).flatMap((family) => [family.source, family.vCpuSource]),
      value.dataTiering.source,
      ...Object.values(value.onDemandHourlyUsd.regions).map((region) => region.source),
    ];
    for (const key of cited)
      if (key !== undefined && !(key in value.sources))
        context.addIssue({ code: 'custom', message: `cites unknown source "${key}"` });
    for (const [name, family] of Object.entries(value.families)) {
      const memory = family.sizes.map((size) => size.maxmemoryBytes);
      if (memory.some((bytes, index) => index > 0 && bytes <= memory[index - 1]!))
        context.addIssue({ code: 'custom', message: `${name}: sizes must be listed smallest first` });
    }
  });

export const NODE_TYPE_TABLE = NodeTypeTable.parse(table);

export type NodeTypeSource = z.infer<typeof Source>;

/** The families the table holds, smallest size first; r6gd is the data-tiering family. */
export const NODE_FAMILIES = Object.keys(NODE_TYPE_TABLE.families);

export const isNodeFamily = (value: string) => Object.hasOwn(NODE_TYPE_TABLE.families, value);

/** The family the form starts with: the memory-optimized one (r7g is current but not in the table). */
export const DEFAULT_NODE_FAMILY = 'r6g';

export interface NodeTypeChoice {
  nodeType: string;
  family: string;
  maxmemoryBytes: number;
  /** maxmemory in decimal GB, the unit the dataset is entered in. */
  memoryGb: number;
  memoryGib: number | null;
  vCpus: number | null;
  usablePerNodeGb: number;
  shards: number;
  /** The family's largest size: the data may need more shards than asked for. */
  isLargest: boolean;
  source: NodeTypeSource;
}

const GB = 1e9;

function sourceFor(key: string): NodeTypeSource {
  const source = NODE_TYPE_TABLE.sources[key];
  if (!source) throw new Error(`content/facts/node-types.json has no source "${key}"`);
  return source;
}

/**
 * The smallest size of a family whose usable memory (maxmemory less reserved memory) holds one
 * shard's data when the data is spread over `shardsWanted` shards; when even the largest cannot,
 * the largest, with as many shards as the data needs. `capacityFactor` lets data tiering count SSD
 * beside memory: a size then fits when its memory holds the hot data and its total holds the rest.
 */
export function pickNodeType(options: {
  family: string;
  neededGb: number;
  reservedPercent: number;
  shardsWanted: number;
  hotGb?: number;
  capacityFactor?: number;
}): NodeTypeChoice {
  const family = NODE_TYPE_TABLE.families[options.family];
  if (!family) throw new Error(`Unknown node family "${options.family}"`);
  const factor = options.capacityFactor ?? 1;
  const hotGb = options.hotGb ?? options.neededGb;
  const usable = (bytes: number) => (bytes / GB) * (1 - options.reservedPercent / 100);
  // Shards each size needs: its memory must hold the hot data, its memory (plus SSD) all of it.
  const shardsFor = (bytes: number) =>
    Math.max(
      options.shardsWanted,
      Math.ceil(round(hotGb / usable(bytes), 9)),
      Math.ceil(round(options.neededGb / (usable(bytes) * factor), 9)),
      1,
    );
  const largest = family.sizes[family.sizes.length - 1]!;
  const size = family.sizes.find((each) => shardsFor(each.maxmemoryBytes) <= options.shardsWanted) ?? largest;
  return {
    nodeType: size.nodeType,
    family: options.family,
    maxmemoryBytes: size.maxmemoryBytes,
    memoryGb: round(size.maxmemoryBytes / GB),
    memoryGib: size.memoryGib ?? null,
    vCpus: size.vCpus ?? null,
    usablePerNodeGb: round(usable(size.maxmemoryBytes)),
    shards: shardsFor(size.maxmemoryBytes),
    isLargest: size === largest,
    source: sourceFor(family.source),
  };
}

/** An on-demand rate per node-hour from the table, or null: the table holds none yet. */
export function nodeHourlyRate(region: string, nodeType: string): { usd: number; source: NodeTypeSource } | null {
  const prices = NODE_TYPE_TABLE.onDemandHourlyUsd.regions[region];
  const usd = prices?.rates[nodeType];
  return prices && usd !== undefined ? { usd, source: sourceFor(prices.source) } : null;
}

export const DATA_TIERING = {
  ...NODE_TYPE_TABLE.dataTiering,
  sourceRef: sourceFor(NODE_TYPE_TABLE.dataTiering.source),
};

function round(value: number, digits = 2) {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}
