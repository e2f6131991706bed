import { readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { PRICING_FIGURE_IDS, PRICING_FIGURES } from './pricing-figures';
import { ecpusPerRequest, nodeMonthlyUsd, serverlessCost, serverlessRate } from './serverless-cost';
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
  nodeMemoryGb: 50,
};

describe('the pricing lesson’s worked examples, as the lesson prints them', () => {
  it('has every figure the lesson uses', () => {
    const printed = Object.fromEntries(PRICING_FIGURE_IDS.map((id) => [id, PRICING_FIGURES[id]()]));
    expect(printed).toEqual({
      'valkey-gb-hour': '$0.084',
      'valkey-per-million-ecpu': '$0.0023',
      'redis-gb-hour': '$0.125',
      'redis-per-million-ecpu': '$0.0034',
      'valkey-minimum': '100 MB',
      'valkey-minimum-gb': '0.1 GB',
      'redis-minimum': '1 GB',
      // 0.1 GB × $0.084 × 730 hours ≈ $6; 1 GB × $0.125 × 730 hours ≈ $91.
      'valkey-floor': '$6',
      'redis-floor': '$91',
      // 3.2 ECPUs × 1,000 reads a second × 2,628,000 seconds ≈ 8.4 billion ECPUs.
      'ecpu-example-ecpus': '8.4 billion',
      'ecpu-example-valkey': '$19',
      'ecpu-example-redis': '$29',
      // The worked break-even (lib/tools/break-even.test.ts holds its arithmetic): 2 GB on 2 × cache.r6g.large
      // at a hypothetical $0.20 an hour.
      'break-even-example-dataset': '2 GB',
      'break-even-example-item': '1 KB',
      'break-even-example-node-type': 'cache.r6g.large',
      'break-even-example-nodes': '2',
      'break-even-example-node-hour': '$0.20',
      'break-even-example-node-monthly': '$292',
      'break-even-example-storage': '$123',
      'break-even-example-per-request': '$0.0060',
      'break-even-example-requests': '28,000',
      'break-even-example-requests-4kb': '7,000',
      'break-even-example-storage-5gb': '$307',
    });
  });

  it('meters Serverless at the engine’s minimum: 100 MB on Valkey, 1 GB on Redis OSS and Memcached', () => {
    const valkey = serverlessCost({
      engine: 'valkey',
      region: 'us-east-1',
      datasetGb: 0.02,
      itemBytes: 100,
      requestsPerSecond: 0,
    });
    expect(valkey.meteredGb).toBe(0.1);
    expect(valkey.gbHoursPerMonth).toBeCloseTo(73, 9);
    expect(valkey.storageUsd).toBeCloseTo(6.132, 9);
    const memcached = serverlessCost({
      engine: 'memcached',
      region: 'us-east-1',
      datasetGb: 0.5,
      itemBytes: 100,
      requestsPerSecond: 0,
    });
    expect(memcached.meteredGb).toBe(1);
    expect(memcached.storageUsd).toBeCloseTo(91.25, 9);
  });

  it('charges 1 ECPU per KB moved, at least 1 per request', () => {
    expect(ecpusPerRequest(100)).toBe(1);
    expect(ecpusPerRequest(1024)).toBe(1);
    expect(ecpusPerRequest(5 * 1024)).toBe(5);
    expect(ecpusPerRequest(3277)).toBeCloseTo(3.2, 3);
  });

  it('counts replicas as nodes: 3 shards × (1 + 2) = 9, and 20 × (1 + 5) = 120 is over the default 90', () => {
    const plan = planNodes({ ...WORKLOAD, datasetGb: 80, replicas: 2 });
    expect(plan).toMatchObject({
      shards: 3,
      replicasPerShard: 2,
      totalNodes: 9,
      quota: 'within-default',
      clusterMode: true,
    });
    const big = planNodes({ ...WORKLOAD, datasetGb: 570, replicas: 5 });
    expect(big).toMatchObject({ shards: 20, totalNodes: 120, quota: 'needs-increase' });
    expect(planNodes({ ...WORKLOAD, datasetGb: 430, replicas: 5 })).toMatchObject({
      shards: 15,
      totalNodes: 90,
      quota: 'within-default',
    });
  });

  it('prices a node-based month as nodes × hourly rate × 730 hours', () => {
    expect(nodeMonthlyUsd(9, 0.5)).toBe(3285);
    expect(planNodes({ ...WORKLOAD, datasetGb: 80, replicas: 2, nodeHourlyUsd: 0.5 }).monthlyUsd).toBe(3285);
    expect(planNodes(WORKLOAD).monthlyUsd).toBeNull();
  });
});

describe('the interview scenario "size a cluster for 200 GB and 300k ops/s"', () => {
  it('keeps 25% reserved and 30% headroom: 260 GB over 37.5 GB per node is 7 shards, 14 nodes with Multi-AZ', () => {
    const { nodeBased } = estimateSizing(WORKLOAD);
    expect(nodeBased).toMatchObject({
      usablePerNodeGb: 37.5,
      neededGb: 260,
      shards: 7,
      replicasPerShard: 1,
      totalNodes: 14,
      writesPerPrimary: 8572,
      readsPerNode: 17143,
    });
    expect(nodeBased.dataTiering).toMatch(/R6gd/);
  });

  it('prices Serverless as the scenario does: about $18k of storage and $2.7k of ECPUs at the 2023 Redis OSS rate', () => {
    const { serverless } = estimateSizing({ ...WORKLOAD, engine: 'redis' });
    expect(serverless.storageUsd).toBeCloseTo(18_250, 6);
    expect(serverless.ecpusPerMonth).toBe(788_400_000_000);
    expect(serverless.ecpuUsd).toBeCloseTo(2680.56, 6);
    expect(serverless.withinLimits).toBe(true);
  });
});

describe('estimateSizing', () => {
  it('labels its prices with their date and lists its assumptions', () => {
    const estimate = estimateSizing(WORKLOAD);
    expect(estimate.pricesAsOf).toBe('2026-11');
    expect(estimate.assumptions.join(' ')).toMatch(/730 hours/);
    expect(estimate.assumptions.join(' ')).toMatch(/not in our references/);
  });

  it('counts one replica for Multi-AZ, and none for Memcached', () => {
    expect(planNodes({ ...WORKLOAD, replicas: 0 }).replicasPerShard).toBe(1);
    expect(planNodes({ ...WORKLOAD, replicas: 0, multiAz: false }).replicasPerShard).toBe(0);
    const memcached = estimateSizing({ ...WORKLOAD, engine: 'memcached' });
    expect(memcached.nodeBased).toMatchObject({
      replicasPerShard: 0,
      reservedMemoryPercent: 0,
      shards: 6,
      totalNodes: 6,
    });
    expect(memcached.nodeBased.clusterMode).toBe(false);
  });

  it('says when a Region has no rate in the references instead of inventing one', () => {
    expect(serverlessRate('valkey', 'eu-west-1')).toBeNull();
    const { serverless } = estimateSizing({ ...WORKLOAD, region: 'eu-west-1' });
    expect(serverless.monthlyUsd).toBeNull();
    expect(serverless.notes).toContain(
      'Our references hold no Valkey Serverless rate for eu-west-1: see the AWS pricing page.',
    );
    expect(estimateSizing({ ...WORKLOAD, region: 'eu-west-1', engine: 'redis' }).serverless.rate?.gbHourUsd).toBe(0.14);
  });

  it('flags what a serverless cache cannot hold, and node counts over the maximum', () => {
    const huge = estimateSizing({ ...WORKLOAD, datasetGb: 6000, replicas: 5 });
    expect(huge.serverless.withinLimits).toBe(false);
    expect(huge.serverless.notes[0]).toBe('Over the 5,000 GB a serverless cache can hold.');
    expect(huge.nodeBased.quota).toBe('over-maximum');
  });
});

describe('the pricing lesson’s sizing challenge', () => {
  // The challenge's checks hard-code the answers; the estimator must compute the same ones for the
  // spec the challenge states, so that "check your answer at /tools/sizing" holds.
  const lesson = matter(readFileSync(path.join(process.cwd(), 'content/lessons/limits-quotas-pricing.mdx'), 'utf8'));
  const challenge = (
    lesson.data.challenges as { id: string; checks: { run?: string; expect?: { equals?: string } }[] }[]
  ).find((each) => each.id === 'limits-quotas-pricing-size-it');
  const answer = (key: string): number =>
    Number(challenge?.checks.find((check) => check.run === `GET ${key}`)?.expect?.equals);

  it('expects the shards, nodes and ECPUs per second the estimator computes for its spec', () => {
    const spec: SizingInput = {
      datasetGb: 200,
      itemBytes: 4096,
      readsPerSecond: 20_000,
      writesPerSecond: 5_000,
      replicas: 2,
      multiAz: true,
      region: 'us-east-1',
      engine: 'valkey',
      nodeMemoryGb: 50,
      reservedMemoryPercent: 25,
      headroomPercent: 30,
    };
    const { nodeBased, serverless } = estimateSizing(spec);
    expect(answer('sizing:shards')).toBe(nodeBased.shards);
    expect(answer('sizing:nodes')).toBe(nodeBased.totalNodes);
    expect(answer('sizing:ecpus')).toBe(serverless.ecpusPerSecond);
  });
});
