/**
 * Token buckets on the real app Valkey, with the per-process batches of rate-limit.ts: exact for
 * a learner typing by hand, and within the stated tolerance (burst + rate × LEASE_MS) for several
 * processes hammering one bucket. Each TokenLeases instance plays one server process.
 */
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { LEASE_MS, maxBatch, TokenLeases, type Bucket } from './rate-limit';

let app: Redis;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const bucket = (rate: number, burst: number): Bucket => ({ key: `test:${randomUUID()}`, rate, burst });
const savedTokens = async (b: Bucket) => Number(await app.hget(`keyspace:rate:${b.key}`, 'tokens'));

beforeAll(() => {
  app = new Redis(inject('appUrl'));
});

afterAll(async () => {
  app.disconnect();
  await closeValkeyClients();
});

describe('maxBatch', () => {
  it('is rate × LEASE_MS, at least 1 and at most 32', () => {
    expect(maxBatch({ key: 'k', rate: 10, burst: 20 })).toBe(Math.floor((10 * LEASE_MS) / 1000));
    expect(maxBatch({ key: 'k', rate: 1, burst: 2 })).toBe(1);
    expect(maxBatch({ key: 'k', rate: 10 / 60, burst: 10 })).toBe(1);
    expect(maxBatch({ key: 'k', rate: 1_000_000, burst: 2_000_000 })).toBe(32);
  });
});

describe('TokenLeases', () => {
  it('takes exactly one token per command from a learner who is not in a hurry', async () => {
    const leases = new TokenLeases();
    const slow = bucket(100, 200);
    for (let i = 0; i < 3; i++) {
      expect(await leases.take([slow])).toBe(0);
      // Full bucket (refilled in the pause), minus the one token this command took: no batch.
      expect(await savedTokens(slow)).toBe(199);
      await sleep(LEASE_MS + 100);
    }
    expect(leases.valkeyCalls).toBe(3);
  });

  it('serves a busy learner from growing batches: far fewer script calls than commands', async () => {
    const leases = new TokenLeases();
    const busy = bucket(1_000, 2_000);
    const started = Date.now();
    for (let i = 0; i < 200; i++) expect(await leases.take([busy])).toBe(0);
    // Batches of 1, 2, 4, 8, 16, then 32: 5 calls for the first 31 commands, then one per 32.
    expect(leases.valkeyCalls).toBeLessThanOrEqual(12);
    // Every token spent came out of the shared bucket (refilled meanwhile at its rate).
    expect(await savedTokens(busy)).toBeLessThanOrEqual(2_000 - 200 + busy.rate * ((Date.now() - started) / 1000));
  });

  it('keeps a refused request all or nothing, and hands back what it had reserved', async () => {
    const leases = new TokenLeases();
    const roomy = bucket(1_000, 2_000);
    const tight = bucket(1, 1);
    for (let i = 0; i < 4; i++) expect(await leases.take([roomy])).toBe(0); // batches 1 and 2, then one of 4
    expect(await leases.take([roomy, tight])).toBe(0); // the tight bucket's only token
    const calls = leases.valkeyCalls;
    const wait = await leases.take([roomy, tight]);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(1_000);
    expect(leases.valkeyCalls).toBe(calls + 1);
    // The roomy token reserved for the refused request went back into the lease: still 2 left.
    expect(await leases.take([roomy])).toBe(0);
    expect(await leases.take([roomy])).toBe(0);
    expect(leases.valkeyCalls).toBe(calls + 1);
  });

  it('holds the rate across processes: two processes hammering one bucket admit at most burst + rate × (time + LEASE_MS)', async () => {
    const shared = bucket(40, 80);
    const processes = [new TokenLeases(), new TokenLeases()];
    const durationMs = 1_500;
    let admitted = 0;
    const started = Date.now();
    const loop = async (leases: TokenLeases) => {
      while (Date.now() - started < durationMs) {
        const wait = await leases.take([shared]);
        if (wait === 0) admitted++;
        else await sleep(Math.min(wait, 20));
      }
    };
    // Four concurrent request loops per process, as a server has many requests in flight.
    await Promise.all(processes.flatMap((leases) => [loop(leases), loop(leases), loop(leases), loop(leases)]));
    const elapsedS = (Date.now() - started) / 1000;
    const ceiling = shared.burst + shared.rate * (elapsedS + LEASE_MS / 1000);
    expect(admitted).toBeLessThanOrEqual(ceiling);
    // And the batches cost little: what leases drop when they run out is at most one batch each.
    expect(admitted).toBeGreaterThanOrEqual(shared.burst + shared.rate * elapsedS * 0.75);
  });
});
