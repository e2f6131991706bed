/**
 * The eviction experiment and its route on the lab's real small-maxmemory Valkey: what each policy
 * evicts and refuses (one file: the server is one per port, shared by turns between test files).
 */
import type Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/labs/patterns/eviction/route';
import { setEnv } from '@/lib/testing/env';
import { issuedCookie, learnerRequest } from '@/lib/testing/http';
import { closeValkeyClients } from '@/lib/valkey/connections';
import type { EvictionResult as RecordedEviction } from '../api-types';
import { latestResults } from '../results';
import { getEvictionServer, stopPatternsServers } from '../cache';
import { patternsSettings } from '../settings';
import { DEFAULT_EVICTION_WORKLOAD, runEvictionExperiment, type EvictionResult } from './eviction-experiment';

// A 2 MB server (the key space follows it: 6,144 keys) and half the lab's operations per key: the
// same behaviour in a quarter of the work.
setEnv({ KEYSPACE_PATTERNS_EVICTION_MAXMEMORY_MB: '2' });
const workload = { ...DEFAULT_EVICTION_WORKLOAD, operationsPerKey: 2 };

let admin: Redis;
beforeAll(async () => {
  admin = (await getEvictionServer()).admin;
});
afterAll(async () => {
  await stopPatternsServers();
  await closeValkeyClients();
});

const results: Partial<Record<string, EvictionResult>> = {};

describe('the eviction experiment', () => {
  it('answers OOM to writes past the cap under noeviction, and evicts nothing', async () => {
    const result = await runEvictionExperiment(admin, 'noeviction', workload);
    results.noeviction = result;
    expect(result.maxMemoryBytes).toBe(patternsSettings().evictionMaxMemoryBytes);
    expect(result.keySpace.totalBytes).toBeGreaterThan(2 * result.maxMemoryBytes);
    expect(result.evictions).toBe(0);
    expect(result.oomErrors).toBeGreaterThan(500);
    expect(result.writes).toBeGreaterThan(result.oomErrors);
    expect(result.errors).toBe(0);
  });

  it.each(['allkeys-lru', 'allkeys-lfu'] as const)(
    'evicts under %s, refuses nothing, and keeps the hit ratio above noeviction',
    async (policy) => {
      const result = await runEvictionExperiment(admin, policy, workload);
      expect(result.evictions).toBeGreaterThan(500);
      expect(result.oomErrors).toBe(0);
      expect(result.errors).toBe(0);
      // The same seeded workload: the same reads whatever the policy.
      expect(result.reads).toBe(results.noeviction?.reads);
      expect(result.hitRatio).toBeGreaterThan(results.noeviction?.hitRatio ?? 1);
      expect(result.series.length).toBeGreaterThanOrEqual(workload.points);
      expect(result.series.at(-1)?.evictions).toBe(result.evictions);
      expect(result.series.map((point) => point.operations)).toEqual(
        [...result.series.map((point) => point.operations)].sort((a, b) => a - b),
      );
    },
  );

  it('evicts only keys with a TTL under volatile-lru, then refuses writes (OOM) once none is left to evict', async () => {
    const result = await runEvictionExperiment(admin, 'volatile-lru', workload);
    expect(result.evictions).toBeGreaterThan(0);
    expect(result.oomErrors).toBeGreaterThan(0);
    // What is left is mostly keys without a TTL: the policy could not touch them.
    const [, keys] = await admin.scan(0, 'COUNT', 1000);
    const ttls = await Promise.all(keys.map((key) => admin.ttl(key)));
    expect(ttls.filter((ttl) => ttl === -1).length).toBeGreaterThan(ttls.filter((ttl) => ttl > 0).length);
  });
});

describe('POST /api/labs/patterns/eviction', () => {
  const post = (body: unknown, cookie?: string) => POST(learnerRequest('/api/labs/patterns/eviction', cookie, body));

  let cookie: string | undefined;

  it('refuses a policy Valkey does not have, naming the ones it does', async () => {
    const response = await post({ policy: 'lru' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(
      /"policy": must be one of noeviction, allkeys-lru, allkeys-lfu, allkeys-random, volatile-lru/,
    );
    cookie = issuedCookie(response);
  });

  it("runs the learner's experiment and records it, turning away a second one while the first runs (429)", async () => {
    const [first, second] = await Promise.all([
      post({ policy: 'allkeys-lfu' }, cookie),
      post({ policy: 'noeviction' }, cookie),
    ]);
    const [ran, refused] = first.status === 200 ? [first, second] : [second, first];
    expect(ran.status).toBe(200);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBeTruthy();
    expect(((await refused.json()) as { error: string }).error).toMatch(/Your eviction experiment is still running/);

    const result = (await ran.json()) as RecordedEviction;
    expect(result.evictions + result.oomErrors).toBeGreaterThan(0);
    expect(result.durationMs).toBeLessThan(10_000);
    const learnerId = cookie?.split('.')[0] ?? '';
    expect(await latestResults<RecordedEviction>(learnerId, 'eviction', 1)).toMatchObject([
      { policy: result.policy, evictions: result.evictions, oomErrors: result.oomErrors },
    ]);
  });
});
