import { describe, expect, it } from 'vitest';
import { learnerRequest } from '@/lib/testing/http';
import { POST } from './route';

const WORKLOAD = {
  datasetGb: 200,
  itemBytes: 1024,
  readsPerSecond: 240_000,
  writesPerSecond: 60_000,
  replicas: 1,
  multiAz: true,
  region: 'us-east-1',
  engine: 'redis',
};

const estimate = (body: unknown) => POST(learnerRequest('/api/tools/sizing', undefined, body));

describe('POST /api/tools/sizing', () => {
  it('answers a node-based plan and a Serverless estimate side by side, dated, with assumptions', async () => {
    const response = await estimate(WORKLOAD);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      nodeBased: { shards: number; totalNodes: number; monthlyUsd: number | null };
      serverless: { storageUsd: number; ecpusPerMonth: number };
      assumptions: string[];
      pricesAsOf: string;
    };
    expect(body.nodeBased).toMatchObject({ shards: 7, totalNodes: 14, monthlyUsd: null });
    expect(body.serverless.storageUsd).toBeCloseTo(18_250, 6);
    expect(body.serverless.ecpusPerMonth).toBe(788_400_000_000);
    expect(body.assumptions.length).toBeGreaterThan(3);
    expect(body.pricesAsOf).toBe('2026-11');
  });

  it('prices the node-based plan when given the node’s hourly rate, with the break-even against Serverless', async () => {
    const response = await estimate({ ...WORKLOAD, nodeHourlyUsd: 0.5 });
    const body = (await response.json()) as {
      nodeBased: { monthlyUsd: number };
      breakEven: { nodeMonthlyUsd: number; serverlessStorageUsd: number; crossover: { kind: string } };
    };
    expect(body.nodeBased.monthlyUsd).toBe(5110);
    // 200 GB of Serverless Redis OSS storage ($18,250) already costs more than 14 nodes at $0.50 ($5,110).
    expect(body.breakEven).toMatchObject({ nodeMonthlyUsd: 5110, crossover: { kind: 'storage-costs-more' } });
    expect(body.breakEven.serverlessStorageUsd).toBeCloseTo(18_250, 6);
  });

  it('answers the request rate where Serverless costs as much as the nodes, and no break-even without a price', async () => {
    const small = { ...WORKLOAD, engine: 'valkey', datasetGb: 0.05, nodeMemoryGb: 50 };
    const priced = (await (await estimate({ ...small, nodeHourlyUsd: 0.5 })).json()) as {
      breakEven: { crossover: { kind: string; requestsPerSecond: number; ecpusPerSecond: number } };
    };
    // 2 nodes × $0.50 × 730 h = $730; the 0.1 GB minimum costs $6.13, each request per second $0.0060444 a month.
    expect(priced.breakEven.crossover.kind).toBe('at');
    expect(priced.breakEven.crossover.requestsPerSecond).toBeCloseTo((730 - 6.132) / 0.0060444, 6);
    const unpriced = (await (await estimate(small)).json()) as Record<string, unknown>;
    expect(unpriced).not.toHaveProperty('breakEven');
  });

  it('picks the node type from the dated table when given a family, and says it has no price for it', async () => {
    // 260 GB over 7 shards is 37.14 GB a shard: cache.r6g.2xlarge holds 56.711 GB × 0.75 = 42.53 GB.
    const response = await estimate({ ...WORKLOAD, nodeFamily: 'r6g', shards: 7 });
    const body = (await response.json()) as {
      nodeBased: {
        shards: number;
        totalNodes: number;
        monthlyUsd: number | null;
        priceFrom: string | null;
        nodeType: { nodeType: string; source: { asOf: string } };
      };
    };
    expect(body.nodeBased).toMatchObject({ shards: 7, totalNodes: 14, monthlyUsd: null, priceFrom: null });
    expect(body.nodeBased.nodeType).toMatchObject({ nodeType: 'cache.r6g.2xlarge', source: { asOf: '2023-05' } });
  });

  it('answers 400 naming the field for a workload it cannot estimate', async () => {
    for (const [body, message] of [
      [{ ...WORKLOAD, datasetGb: 0 }, /"datasetGb": must be more than 0/],
      [{ ...WORKLOAD, replicas: 6 }, /"replicas": must be 0 to 5/],
      [{ ...WORKLOAD, region: 'mars-1' }, /"region": must be one of us-east-1, eu-west-1/],
      [{ ...WORKLOAD, engine: undefined }, /"engine"/],
      [{ ...WORKLOAD, nodeFamily: 'r7g' }, /"nodeFamily": must be one of r6g, m6g, t4g, r6gd/],
    ] as const) {
      const response = await estimate(body);
      expect(response.status).toBe(400);
      const answer = (await response.json()) as { ok: boolean; code: string; error: string };
      expect(answer).toMatchObject({ ok: false, code: 'bad_request' });
      expect(answer.error).toMatch(message);
    }
  });
});
