/**
 * The eviction experiment: fill a small-`maxmemory` Valkey well past its cap with a skewed
 * (Zipf) mix of reads and writes under one `maxmemory-policy`, and count what the policy did:
 * keys evicted (INFO stats `evicted_keys`), writes refused with `OOM`, and the hit ratio the
 * survivors gave the reads. Every policy sees exactly the same sequence of operations (a seeded
 * workload), so runs under different policies compare like for like.
 *
 * Reads behave like cache-aside: a miss is followed by a write that fills the key. Some keys carry
 * a TTL (the `volatile-*` policies may only evict those); the rest have none.
 */
import 'server-only';
import type Redis from 'ioredis';
import { EVICTION_DEFAULTS_NOTE, type EvictionPoint, type EvictionPolicy, type EvictionResult } from '../api-types';
import { readServerStats } from '../workload/server-stats';
import { zipfSampler } from '../workload/zipf';
import { seededRandom } from './seeded-random';

export { EVICTION_POLICIES, type EvictionPolicy, type EvictionPoint, type EvictionResult } from '../api-types';

/** The workload's shape; the defaults fill the server about three times over. */
export interface EvictionWorkload {
  valueBytes: number;
  /** The key space is this many times maxmemory (values only). */
  fillFactor: number;
  /** Operations per key of the key space. */
  operationsPerKey: number;
  readShare: number;
  zipfSkew: number;
  /** Share of keys written with a TTL (the only candidates of the `volatile-*` policies). */
  volatileShare: number;
  /** Times the hot set moves to other keys during the run (popularity drifts, as real traffic does). */
  hotSetMoves: number;
  seed: number;
  /** The run stops here even if operations remain (the experiment's time bound). */
  timeLimitMs: number;
  batchSize: number;
  points: number;
}

export const DEFAULT_EVICTION_WORKLOAD: EvictionWorkload = {
  valueBytes: 1024,
  fillFactor: 3,
  operationsPerKey: 4,
  readShare: 0.8,
  zipfSkew: 0.99,
  volatileShare: 0.5,
  hotSetMoves: 2,
  seed: 14,
  timeLimitMs: 8_000,
  batchSize: 250,
  points: 12,
};

const keyOf = (id: number) => `item:${id}`;

/** Whether a key gets a TTL, and which: fixed per key (a hash of its id), so every run agrees. */
function ttlSecondsOf(id: number, volatileShare: number): number | null {
  const hash = Math.imul(id + 1, 2654435761) >>> 0;
  if (hash % 1000 >= volatileShare * 1000) return null;
  // Long enough never to expire during a run; spread so that `volatile-ttl` has an order to follow.
  return 600 + (hash % 600);
}

async function serverState(admin: Redis): Promise<{ usedMemoryBytes: number; evictedKeys: number; keys: number }> {
  const [stats, keys] = await Promise.all([readServerStats(admin), admin.dbsize()]);
  return { ...stats, keys };
}

interface Operation {
  id: number;
  read: boolean;
}

interface Tally {
  reads: number;
  hits: number;
  writes: number;
  oomErrors: number;
  errors: number;
}

/**
 * Plays one batch: its reads and writes in one pipeline, then, cache-aside, a fill for each read that
 * missed (after the whole batch, as many clients would), counting into `tally`.
 */
async function playBatch(admin: Redis, batch: Operation[], value: string, volatileShare: number, tally: Tally) {
  const write = (pipeline: ReturnType<Redis['pipeline']>, id: number) => {
    const ttl = ttlSecondsOf(id, volatileShare);
    if (ttl === null) pipeline.set(keyOf(id), value);
    else pipeline.set(keyOf(id), value, 'EX', ttl);
    tally.writes++;
  };
  const countWriteError = (error: Error | null) => {
    if (error && error.message.startsWith('OOM')) tally.oomErrors++;
    else if (error) tally.errors++;
  };

  const first = admin.pipeline();
  for (const op of batch) {
    if (op.read) first.get(keyOf(op.id));
    else write(first, op.id);
  }
  const replies = (await first.exec()) ?? [];
  const fill = admin.pipeline();
  batch.forEach((op, index) => {
    const [error, reply] = replies[index] ?? [null, null];
    if (!op.read) return countWriteError(error);
    tally.reads++;
    if (error) tally.errors++;
    else if (reply !== null) tally.hits++;
    else write(fill, op.id);
  });
  if (fill.length > 0) for (const [error] of (await fill.exec()) ?? []) countWriteError(error);
}

/**
 * Runs the experiment on `admin` (a connection allowed CONFIG SET and FLUSHALL on a server that
 * nothing else uses during the run: the caller serialises runs). Leaves the server full.
 */
export async function runEvictionExperiment(
  admin: Redis,
  policy: EvictionPolicy,
  workload: EvictionWorkload = DEFAULT_EVICTION_WORKLOAD,
): Promise<EvictionResult> {
  const started = Date.now();
  await admin.config('SET', 'maxmemory-policy', policy);
  await admin.flushall('SYNC');
  const maxMemoryBytes = Number((await admin.config('GET', 'maxmemory'))[1]);
  const keyCount = Math.max(100, Math.ceil((workload.fillFactor * maxMemoryBytes) / workload.valueBytes));
  const operations = keyCount * workload.operationsPerKey;
  const value = 'v'.repeat(workload.valueBytes);
  const random = seededRandom(workload.seed);
  const nextRank = zipfSampler(keyCount, workload.zipfSkew, random);
  const before = await serverState(admin);

  const tally: Tally = { reads: 0, hits: 0, writes: 0, oomErrors: 0, errors: 0 };
  const series: EvictionPoint[] = [];
  const sampleEvery = Math.max(1, Math.floor(operations / workload.points));
  const sampled = { reads: 0, hits: 0 };
  let done = 0;

  while (done < operations && Date.now() - started < workload.timeLimitMs) {
    // Each phase of the run has its own hot set: the Zipf ranks map to keys shifted by a fraction of the key space.
    const phase = Math.floor((done / operations) * (workload.hotSetMoves + 1));
    const shift = Math.floor((phase * keyCount) / (workload.hotSetMoves + 1));
    const batch = Array.from({ length: Math.min(workload.batchSize, operations - done) }, () => ({
      id: (nextRank() - 1 + shift) % keyCount,
      read: random() < workload.readShare,
    }));
    await playBatch(admin, batch, value, workload.volatileShare, tally);
    done += batch.length;

    if (done >= (series.length + 1) * sampleEvery || done >= operations) {
      const state = await serverState(admin);
      const reads = tally.reads - sampled.reads;
      series.push({
        operations: done,
        usedMemoryBytes: state.usedMemoryBytes,
        keys: state.keys,
        evictions: state.evictedKeys - before.evictedKeys,
        oomErrors: tally.oomErrors,
        hitRatio: reads === 0 ? 0 : (tally.hits - sampled.hits) / reads,
      });
      Object.assign(sampled, { reads: tally.reads, hits: tally.hits });
    }
  }

  const after = await serverState(admin);
  return {
    policy,
    writes: tally.writes,
    reads: tally.reads,
    hits: tally.hits,
    evictions: after.evictedKeys - before.evictedKeys,
    oomErrors: tally.oomErrors,
    errors: tally.errors,
    hitRatio: tally.reads === 0 ? 0 : tally.hits / tally.reads,
    maxMemoryBytes,
    keySpace: { keys: keyCount, valueBytes: workload.valueBytes, totalBytes: keyCount * workload.valueBytes },
    keysAtEnd: after.keys,
    durationMs: Date.now() - started,
    series,
    note: EVICTION_DEFAULTS_NOTE,
  };
}
