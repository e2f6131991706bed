/**
 * The node-type table and the estimator's choice from it. Every expected number is worked by hand
 * in the comments from the maxmemory bytes in content/facts/node-types.json (GB = bytes ÷ 10⁹).
 */
import { describe, expect, it } from 'vitest';
import { NODE_FAMILIES, NODE_TYPE_TABLE, nodeHourlyRate, pickNodeType } from './node-types';
import { SizingRequest } from './schemas';
import { estimateSizing, planNodes, type SizingInput } from './sizing';

const WORKLOAD: SizingInput = {
  datasetGb: 200,
  itemBytes: 1024,
  readsPerSecond: 240_000,
  writesPerSecond: 60_000,
  replicas: 1,
  multiAz: true,
  region: 'us-east-1',
  engine: 'valkey',
  nodeFamily: 'r6g',
};

describe('the node-type table', () => {
  it('holds the families its sources cover, each size citing a dated AWS source', () => {
    expect(NODE_FAMILIES).toEqual(['r6g', 'm6g', 't4g', 'r6gd']);
    expect(NODE_TYPE_TABLE.families.r6g?.sizes.map((size) => size.nodeType.split('.')[2])).toEqual([
      'large',
      'xlarge',
      '2xlarge',
      '4xlarge',
      '8xlarge',
      '12xlarge',
      '16xlarge',
    ]);
    for (const source of Object.values(NODE_TYPE_TABLE.sources)) {
      expect(source.href).toMatch(/^https:\/\/github\.com\/awsdocs\/amazon-elasticache-docs\//);
      expect(source.readOn).toBe('2026-12-05');
    }
    // vCPUs only where AWS's page states them: the burstable table gives T4g 2 vCPUs.
    expect(NODE_TYPE_TABLE.families.t4g?.sizes.every((size) => size.vCpus === 2)).toBe(true);
    expect(NODE_TYPE_TABLE.families.r6g?.sizes.some((size) => size.vCpus !== undefined)).toBe(false);
  });

  it('has no node-hour prices, so nothing is priced unless the learner enters a rate', () => {
    expect(NODE_TYPE_TABLE.onDemandHourlyUsd.available).toBe(false);
    expect(nodeHourlyRate('us-east-1', 'cache.r6g.large')).toBeNull();
    const plan = planNodes(WORKLOAD);
    expect(plan).toMatchObject({ hourlyUsd: null, priceFrom: null, monthlyUsd: null });
    // 2 nodes × $1 × 730 hours.
    expect(planNodes({ ...WORKLOAD, nodeHourlyUsd: 1 })).toMatchObject({ priceFrom: 'entered', monthlyUsd: 1460 });
  });
});

describe('picking the node type', () => {
  it('takes the smallest size that holds the data in one shard: 260 GB needs cache.r6g.16xlarge', () => {
    // 200 GB + 30% = 260 GB. Usable = maxmemory × 0.75: r6g.12xlarge 341.206 GB → 255.90 (too small),
    // r6g.16xlarge 450.001 GB → 337.50 GB. One shard, one replica for Multi-AZ: 2 nodes.
    const plan = planNodes(WORKLOAD);
    expect(plan.nodeType).toMatchObject({ nodeType: 'cache.r6g.16xlarge', memoryGb: 450, usablePerNodeGb: 337.5 });
    expect(plan).toMatchObject({ nodeMemoryGb: 450, shards: 1, totalNodes: 2, clusterMode: false });
  });

  it('spreads the data over the shards asked for: 7 shards of 37.14 GB fit cache.r6g.2xlarge', () => {
    // 260 ÷ 7 = 37.14 GB a shard. r6g.xlarge: 28.262 GB × 0.75 = 21.20 (too small);
    // r6g.2xlarge: 56.711 GB × 0.75 = 42.53 GB. 7 × (1 + 1) = 14 nodes, as in the interview scenario.
    const plan = planNodes({ ...WORKLOAD, shards: 7 });
    expect(plan.nodeType?.nodeType).toBe('cache.r6g.2xlarge');
    expect(plan).toMatchObject({ shards: 7, totalNodes: 14, usablePerNodeGb: 42.53, writesPerPrimary: 8572 });
  });

  it('shards the largest size when no size holds the data: 1,300 GB is 4 × cache.r6g.16xlarge', () => {
    // 1,000 GB + 30% = 1,300 GB; 1,300 ÷ 337.50 = 3.85, so 4 shards, 8 nodes.
    const plan = planNodes({ ...WORKLOAD, datasetGb: 1000 });
    expect(plan.nodeType).toMatchObject({ nodeType: 'cache.r6g.16xlarge', isLargest: true });
    expect(plan).toMatchObject({ shards: 4, totalNodes: 8, clusterMode: true });
  });

  it('gives T4g its vCPUs: 1 GB + 30% = 1.3 GB fits cache.t4g.medium', () => {
    // t4g.small: 1.471 GB × 0.75 = 1.10 (too small); t4g.medium: 3.318 GB × 0.75 = 2.49 GB.
    const plan = planNodes({ ...WORKLOAD, datasetGb: 1, nodeFamily: 't4g' });
    expect(plan.nodeType).toMatchObject({ nodeType: 'cache.t4g.medium', vCpus: 2, memoryGib: 3.09 });
  });

  it('offers R6gd data tiering for a large dataset, counting its SSD as 4.8× the memory', () => {
    // 1,300 GB, at most 20% hot = 260 GB. A size fits one shard when its usable memory ≥ 260 GB and
    // usable × 4.8 ≥ 1,300 GB (usable ≥ 270.83): r6gd.12xlarge 255.90 fails; r6gd.16xlarge 337.50
    // fits. 1 shard, 2 nodes, where memory alone needs 4 × r6g.16xlarge (8 nodes).
    const { dataTieringOption, dataTiering } = planNodes({ ...WORKLOAD, datasetGb: 1000 });
    expect(dataTieringOption).toMatchObject({ hotGb: 260, totalNodes: 2 });
    expect(dataTieringOption?.nodeType).toMatchObject({ nodeType: 'cache.r6gd.16xlarge', shards: 1 });
    expect(dataTiering).toMatch(/1 × cache\.r6gd\.16xlarge \(2 nodes\)/);
  });

  it('has no data-tiering option when one node that is not the largest holds the data', () => {
    expect(planNodes({ ...WORKLOAD, datasetGb: 20 }).dataTieringOption).toBeNull();
  });

  it('keeps an entered node memory and Memcached off the table', () => {
    // 260 GB ÷ (50 × 0.75 = 37.5) = 6.93 → 7 shards: the memory entered wins over the family.
    expect(planNodes({ ...WORKLOAD, nodeMemoryGb: 50 })).toMatchObject({ nodeType: null, shards: 7 });
    // Memcached: no reserved memory and no maxmemory table, so the illustrative 50 GB node: 260 ÷ 50 → 6.
    expect(planNodes({ ...WORKLOAD, engine: 'memcached' })).toMatchObject({ nodeType: null, totalNodes: 6 });
  });

  it('cites the table in the assumptions', () => {
    const text = estimateSizing(WORKLOAD).assumptions.join(' ');
    expect(text).toMatch(/cache\.r6g\.16xlarge: maxmemory 450,000,750,456 bytes/);
    expect(text).toMatch(/as of 2023-05, read 2026-12-05/);
    expect(text).toMatch(/Node-hour prices are not in our references/);
  });

  it('refuses a family the table does not hold, and a shard count outside 1 to 500', () => {
    const parse = (extra: object) => SizingRequest.safeParse({ ...WORKLOAD, ...extra });
    expect(parse({ nodeFamily: 'r7g' }).error?.issues[0]?.message).toBe('must be one of r6g, m6g, t4g, r6gd');
    expect(parse({ shards: 0 }).success).toBe(false);
    expect(parse({ shards: 7 }).success).toBe(true);
    expect(() => pickNodeType({ family: 'x1', neededGb: 1, reservedPercent: 25, shardsWanted: 1 })).toThrow();
  });
});
