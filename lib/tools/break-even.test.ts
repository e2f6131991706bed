import { describe, expect, it } from 'vitest';
import {
  breakEven,
  costChart,
  describeBreakEven,
  roughly,
  serverlessMonthlyUsdAt,
  type BreakEven,
  type BreakEvenInput,
} from './break-even';
import { serverlessCost } from './serverless-cost';
import { estimateSizing, type SizingInput } from './sizing';

// A small Valkey cache on two nodes (a primary and a replica) at a hypothetical $0.50 an hour.
const SMALL: BreakEvenInput = {
  engine: 'valkey',
  region: 'us-east-1',
  datasetGb: 0.1,
  itemBytes: 1024,
  nodes: 2,
  nodeHourlyUsd: 0.5,
  requestsPerSecond: 300_000,
};

const compute = (input: BreakEvenInput): BreakEven => {
  const result = breakEven(input);
  if (!result) throw new Error('expected a Serverless rate for this engine and Region');
  return result;
};

describe('the break-even between Serverless and a node-based plan', () => {
  it('crosses where Serverless’s storage plus ECPUs reach the nodes’ flat month', () => {
    const result = compute(SMALL);
    // Nodes: 2 × $0.50 × 730 h = $730. Serverless: 0.1 GB × $0.084 × 730 h = $6.132, plus
    // 2,628,000 s × $0.0023 per million = $0.0060444 a month for each request per second at 1 KB.
    expect(result.nodeMonthlyUsd).toBe(730);
    expect(result.serverlessStorageUsd).toBeCloseTo(6.132, 9);
    expect(result.serverlessUsdPerRequestPerSecond).toBeCloseTo(0.0060444, 12);
    expect(result.crossover.kind).toBe('at');
    if (result.crossover.kind !== 'at') return;
    expect(result.crossover.requestsPerSecond).toBeCloseTo((730 - 6.132) / 0.0060444, 6);
    expect(result.crossover.ecpusPerSecond).toBe(result.crossover.requestsPerSecond);
    // The estimator's own formula agrees that the two cost the same there.
    const atCrossing = serverlessCost({ ...SMALL, requestsPerSecond: result.crossover.requestsPerSecond });
    expect(atCrossing.monthlyUsd).toBeCloseTo(730, 6);
    expect(serverlessMonthlyUsdAt(result, result.crossover.requestsPerSecond)).toBeCloseTo(730, 6);
    // The workload's own rate: 300,000 requests a second cost $1,819 on Serverless, more than the nodes.
    expect(result.current.serverlessMonthlyUsd).toBeCloseTo(6.132 + 300_000 * 0.0060444, 6);
    expect(describeBreakEven(result)).toBe(
      'Serverless costs the same as the 2 nodes ($730 a month) at about 120,000 requests per second (120,000 ECPUs per second): cheaper below that rate, dearer above it.',
    );
  });

  it('meters at least the engine’s minimum, so a smaller dataset crosses at the same rate', () => {
    const tiny = compute({ ...SMALL, datasetGb: 0.01 });
    expect(tiny.meteredGb).toBe(0.1);
    expect(tiny.crossover).toEqual(compute(SMALL).crossover);
    // Redis OSS meters 1 GB: 0.5 GB would cost $45.63, under one $0.10 node's $73, but the floor's $91.25 is over it.
    const redis = compute({ ...SMALL, engine: 'redis', datasetGb: 0.5, nodes: 1, nodeHourlyUsd: 0.1 });
    expect(redis.meteredGb).toBe(1);
    expect(redis.serverlessStorageUsd).toBeCloseTo(91.25, 9);
    expect(redis.crossover).toEqual({ kind: 'storage-costs-more' });
  });

  it('counts ECPUs per request: 4 KB values cross at a quarter of the requests, the same ECPUs', () => {
    const oneKb = compute(SMALL).crossover;
    const fourKb = compute({ ...SMALL, itemBytes: 4096 }).crossover;
    if (oneKb.kind !== 'at' || fourKb.kind !== 'at') throw new Error('expected both to cross');
    expect(fourKb.requestsPerSecond).toBeCloseTo(oneKb.requestsPerSecond / 4, 6);
    expect(fourKb.ecpusPerSecond).toBeCloseTo(oneKb.ecpusPerSecond, 6);
  });

  it('has no break-even when storing the data on Serverless already costs more than the nodes', () => {
    // The interview scenario: 200 GB is $18,250 a month on Serverless Redis OSS, 14 nodes at $0.50 are $5,110.
    const result = compute({ ...SMALL, engine: 'redis', datasetGb: 200, nodes: 14 });
    expect(result.crossover).toEqual({ kind: 'storage-costs-more' });
    expect(describeBreakEven(result)).toBe(
      'No break-even: storing 200 GB on Serverless alone costs $18,250 a month, more than the 14 nodes ($5,110 a month), so the nodes are cheaper at any request rate.',
    );
  });

  it('has no break-even when Serverless stays cheaper up to its 15,000,000 ECPUs a second', () => {
    // 100 nodes at $2 are $146,000; Serverless at its maximum is $61.32 + 15,000,000 × $0.0060444 ≈ $90,727.
    const result = compute({ ...SMALL, datasetGb: 1, nodes: 100, nodeHourlyUsd: 2 });
    expect(result.crossover).toEqual({ kind: 'serverless-cheaper-to-maximum' });
    expect(result.maxRequestsPerSecond).toBe(15_000_000);
    expect(
      compute({ ...SMALL, datasetGb: 1, nodes: 100, nodeHourlyUsd: 2, itemBytes: 2048 }).maxRequestsPerSecond,
    ).toBe(7_500_000);
    expect(describeBreakEven(result)).toMatch(
      /^No break-even: Serverless stays cheaper than the 100 nodes \(\$146,000/,
    );
  });

  it('has nothing to compare without a Serverless rate for the engine and Region', () => {
    expect(breakEven({ ...SMALL, region: 'eu-west-1' })).toBeNull();
  });
});

describe('the cost chart’s figures', () => {
  it('runs past the furthest of the break-even and the workload’s rate, on a round axis', () => {
    const result = compute(SMALL);
    const chart = costChart(result);
    // The workload's 300,000 requests a second × 1.25 rounds up to 500,000.
    expect(chart.maxRequestsPerSecond).toBe(500_000);
    expect(chart.points.map((point) => point.label)).toEqual(['no requests', 'break-even', 'your rate', 'chart end']);
    const breakEvenPoint = chart.points.find((point) => point.label === 'break-even')!;
    expect(breakEvenPoint.serverlessMonthlyUsd).toBeCloseTo(breakEvenPoint.nodeMonthlyUsd, 6);
    expect(chart.points[0]!.serverlessMonthlyUsd).toBeCloseTo(6.132, 9);
  });

  it('spans the whole Serverless range when Serverless is cheaper all the way, and leaves off a rate past it', () => {
    const chart = costChart(compute({ ...SMALL, nodes: 100, nodeHourlyUsd: 2, requestsPerSecond: 20_000_000 }));
    expect(chart.maxRequestsPerSecond).toBe(15_000_000);
    expect(chart.points.map((point) => point.label)).toEqual(['no requests', 'chart end']);
  });
});

describe('the estimate carries the break-even only with a node price', () => {
  const WORKLOAD: SizingInput = {
    datasetGb: 0.05,
    itemBytes: 1024,
    readsPerSecond: 240_000,
    writesPerSecond: 60_000,
    replicas: 1,
    multiAz: true,
    region: 'us-east-1',
    engine: 'valkey',
    nodeMemoryGb: 50,
  };

  it('uses the plan’s nodes and the workload’s reads plus writes', () => {
    expect(estimateSizing(WORKLOAD).breakEven).toBeUndefined();
    const result = estimateSizing({ ...WORKLOAD, nodeHourlyUsd: 0.5 }).breakEven;
    expect(result).toMatchObject({ nodes: 2, nodeMonthlyUsd: 730, meteredGb: 0.1 });
    expect(result?.current.requestsPerSecond).toBe(300_000);
  });
});

describe('the lesson’s worked break-even', () => {
  const EXAMPLE: SizingInput = {
    engine: 'valkey',
    region: 'us-east-1',
    datasetGb: 2,
    itemBytes: 1024,
    readsPerSecond: 0,
    writesPerSecond: 0,
    replicas: 1,
    multiAz: true,
    nodeFamily: 'r6g',
    nodeHourlyUsd: 0.2,
  };

  it('crosses at ($292 − $122.64) ÷ $0.0060444 ≈ 28,000 requests a second, 7,000 at 4 KB', () => {
    const result = estimateSizing(EXAMPLE).breakEven!;
    expect(result).toMatchObject({ nodes: 2, nodeMonthlyUsd: 292 });
    expect(result.serverlessStorageUsd).toBeCloseTo(122.64, 9);
    expect(result.crossover).toMatchObject({ kind: 'at' });
    if (result.crossover.kind === 'at') expect(result.crossover.requestsPerSecond).toBeCloseTo(169.36 / 0.0060444, 6);
  });

  it('has no crossover at 5 GB on the same two nodes: the stored data alone costs $306.60', () => {
    const result = estimateSizing({ ...EXAMPLE, datasetGb: 5 }).breakEven!;
    expect(result).toMatchObject({ nodes: 2, nodeMonthlyUsd: 292, crossover: { kind: 'storage-costs-more' } });
    expect(result.serverlessStorageUsd).toBeCloseTo(306.6, 9);
  });
});

describe('roughly', () => {
  it('keeps two significant figures', () => {
    expect([0, 0.0434, 7.26, 119_759.1, 28_019, 5_110, 15_000_000].map(roughly)).toEqual([
      '0',
      '0.043',
      '7.3',
      '120,000',
      '28,000',
      '5,100',
      '15,000,000',
    ]);
  });
});
