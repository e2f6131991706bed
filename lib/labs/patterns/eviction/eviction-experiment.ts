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

const isOom = (error: Error) => error.message.startsWith('OOM');

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

  const totals = { reads: 0, hits: 0, writes: 0, oomErrors: 0, errors: 0 };
  const window = { reads: 0, hits: 0 };
  const series: EvictionPoint[] = [];
  const sampleEvery = Math.max(1, Math.floor(operations / workload.points));
  let done = 0;
  let nextSample = sampleEvery;

  const write = (pipeline: ReturnType<Redis['pipeline']>, id: number) => {
    const ttl = ttlSecondsOf(id, workload.volatileShare);
    if (ttl === null) pipeline.set(keyOf(id), value);
    else pipeline.set(keyOf(id), value, 'EX', ttl);
    totals.writes++;
  };
  const countWriteReplies = (replies: [Error | null, unknown][]) => {
    for (const [error] of replies) {
      if (!error) continue;
      if (isOom(error)) totals.oomErrors++;
      else totals.errors++;
    }
  };

  while (done < operations && Date.now() - started < workload.timeLimitMs) {
    // Each phase of the run has its own hot set: the Zipf ranks map to keys shifted by a third of the key space.
    const phase = Math.floor((done / operations) * (workload.hotSetMoves + 1));
    const shift = Math.floor((phase * keyCount) / (workload.hotSetMoves + 1));
    const batch = Array.from({ length: Math.min(workload.batchSize, operations - done) }, () => ({
      id: (nextRank() - 1 + shift) % keyCount,
      read: random() < workload.readShare,
    }));
    const first = admin.pipeline();
    for (const op of batch) {
      if (op.read) first.get(keyOf(op.id));
      else write(first, op.id);
    }
    const replies = (await first.exec()) ?? [];
    // Cache-aside: each read that missed fills its key (after the whole batch, as many clients would).
    const fill = admin.pipeline();
    const writeReplies: [Error | null, unknown][] = [];
    batch.forEach((op, index) => {
      const reply = replies[index] as [Error | null, unknown];
      if (!op.read) return void writeReplies.push(reply);
      totals.reads++;
      window.reads++;
      if (reply[0]) totals.errors++;
      else if (reply[1] !== null) {
        totals.hits++;
        window.hits++;
      } else write(fill, op.id);
    });
    countWriteReplies(writeReplies);
    if (fill.length > 0) countWriteReplies((await fill.exec()) ?? []);
    done += batch.length;

    if (done >= nextSample || done >= operations) {
      const state = await serverState(admin);
      series.push({
        operations: done,
        usedMemoryBytes: state.usedMemoryBytes,
        keys: state.keys,
        evictions: state.evictedKeys - before.evictedKeys,
        oomErrors: totals.oomErrors,
        hitRatio: window.reads === 0 ? 0 : window.hits / window.reads,
      });
      window.reads = 0;
      window.hits = 0;
      nextSample += sampleEvery;
    }
  }

  const after = await serverState(admin);
  return {
    policy,
    writes: totals.writes,
    reads: totals.reads,
    hits: totals.hits,
    evictions: after.evictedKeys - before.evictedKeys,
    oomErrors: totals.oomErrors,
    errors: totals.errors,
    hitRatio: totals.reads === 0 ? 0 : totals.hits / totals.reads,
    maxMemoryBytes,
    keySpace: { keys: keyCount, valueBytes: workload.valueBytes, totalBytes: keyCount * workload.valueBytes },
    keysAtEnd: after.keys,
    durationMs: Date.now() - started,
    series,
    note: EVICTION_DEFAULTS_NOTE,
  };
}
