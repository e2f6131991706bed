/** The eviction experiment on a real small-maxmemory Valkey: what each policy evicts and refuses. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Redis from 'ioredis';
import { startInstance, type RunningInstance } from '@/lib/servers/local-server';
import { findValkeyServer } from '@/lib/servers/server-binary';
import { patternsLabPorts } from '@/lib/servers/ports';
import { DEFAULT_EVICTION_WORKLOAD, runEvictionExperiment, type EvictionResult } from './eviction-experiment';

// Smaller than the lab's default, still three times the server's memory.
const workload = { ...DEFAULT_EVICTION_WORKLOAD, operationsPerKey: 2 };

let server: RunningInstance;
let admin: Redis;
beforeAll(async () => {
  const binary = findValkeyServer();
  if (!binary) throw new Error('no valkey-server');
  server = await startInstance(
    {
      name: 'patterns-eviction-test',
      port: patternsLabPorts('test').eviction,
      dir: path.resolve('.data/test/patterns-eviction-' + process.pid),
      settings: { config: ['save ""', 'appendonly no', 'maxmemory 4mb'], defaultUser: 'off' },
    },
    binary.path,
  );
  admin = new Redis(server.url);
});
afterAll(async () => {
  admin?.disconnect();
  await server?.stop();
});

const results: Partial<Record<string, EvictionResult>> = {};

describe('the eviction experiment', () => {
  it('answers OOM to writes past the cap under noeviction, and evicts nothing', async () => {
    const result = await runEvictionExperiment(admin, 'noeviction', workload);
    results.noeviction = result;
    expect(result.maxMemoryBytes).toBe(4 * 1024 * 1024);
    expect(result.keySpace.totalBytes).toBeGreaterThan(2 * result.maxMemoryBytes);
    expect(result.evictions).toBe(0);
    expect(result.oomErrors).toBeGreaterThan(1000);
    expect(result.writes).toBeGreaterThan(result.oomErrors);
    expect(result.errors).toBe(0);
  });

  it.each(['allkeys-lru', 'allkeys-lfu'] as const)(
    'evicts under %s, refuses nothing, and keeps the hit ratio above noeviction',
    async (policy) => {
      const result = await runEvictionExperiment(admin, policy, workload);
      expect(result.evictions).toBeGreaterThan(1000);
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
