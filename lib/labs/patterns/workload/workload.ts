/**
 * One workload run: `concurrency` virtual users read and write product pages through a pattern for
 * `seconds`, keys drawn with Zipf popularity, and one data point per second (counts, read latency
 * percentiles from an HDR histogram, origin queries, stale reads, the cache server's memory and
 * evictions). It stops issuing at the deadline whatever happens; what is still in flight gets a short
 * grace, every later step a bounded wait, and the run's keys are deleted at the end.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import * as hdr from 'hdr-histogram-js';
import type { RunParams, RunPoint, RunState, RunStatus, RunSummary } from '../api-types';
import type { LabServer } from '../lab-server';
import type { Origin, ProductPatch } from '../origin/origin';
import { patternDefinition } from '../patterns';
import type { CachePattern } from '../patterns/pattern';
import type { WriteBehind } from '../patterns/write-behind';
import { CommandTrace, runOrigin, tracedConnection, valueCoding } from './run-env';
import { readServerStats, type ServerStats } from './server-stats';
import { zipfSampler } from './zipf';

/** How long operations still in flight at the deadline may take to finish. */
const GRACE_MS = 2_000;
/** How long write-behind's consumer may take to drain its queue once the run ends. */
const DRAIN_MS = 2_000;
/** Bound on each housekeeping step (stats, cleanup). */
const STEP_MS = 1_500;
/** The longest a run can take after its deadline, whatever happens: grace, drain, close and cleanup. */
export const WIND_DOWN_MS = GRACE_MS + DRAIN_MS + 2 * STEP_MS;

export interface WorkloadDeps {
  server: LabServer;
  origin: Origin;
}

export interface Workload {
  readonly id: string;
  readonly params: RunParams;
  status(): RunStatus;
  /** Settles (never rejects) with the final status once the run is done or failed. */
  readonly finished: Promise<RunStatus>;
}

/** Resolves with `promise`'s value, or `fallback` once `ms` have passed. */
async function within<T>(ms: number, promise: Promise<T>, fallback: T): Promise<T> {
  return Promise.race([promise.catch(() => fallback), sleep(ms, fallback, { ref: false })]);
}

const microsHistogram = () =>
  hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 });

class Tally {
  reads = 0;
  writes = 0;
  hits = 0;
  misses = 0;
  staleReads = 0;
  errors = 0;
  readonly latency = microsHistogram();
}

const ms = (micros: number) => Math.round(micros / 10) / 100;
const ratio = (hits: number, misses: number) =>
  hits + misses === 0 ? 0 : Math.round((hits / (hits + misses)) * 1000) / 1000;

/** A read is stale if it answered an older version than the newest the origin had given out when the read began. */
export const isStaleRead = (page: { version: number }, newestAtStart: number) => page.version < newestAtStart;

const randomPatch = (): ProductPatch => ({ price: Math.round(199 + Math.random() * 49_800) / 100 });

export function startWorkload(id: string, params: RunParams, deps: WorkloadDeps): Workload {
  const startedAt = Date.now();
  const keyPrefix = `run:${id}:`;
  const trace = new CommandTrace(startedAt, keyPrefix);
  const origin = runOrigin(deps.origin);
  const connections = [tracedConnection(deps.server, `patterns-run-${id}`, keyPrefix, trace)];
  const pattern: CachePattern = patternDefinition(params.pattern).create({
    cache: connections[0]!,
    origin,
    ...valueCoding(params),
    openConnection(name) {
      const connection = tracedConnection(deps.server, `patterns-run-${id}-${name}`, keyPrefix, trace);
      connections.push(connection);
      return connection;
    },
  });
  const nextId = zipfSampler(origin.productCount, params.zipf);
  const endAt = startedAt + params.seconds * 1000;
  const series: RunPoint[] = [];
  const total = new Tally();
  let second = new Tally();
  let state: RunState = 'running';
  let summary: RunSummary | undefined;
  let failure: string | undefined;
  let consumerKilled = false;

  const count = (update: (tally: Tally) => void) => {
    update(second);
    update(total);
  };

  async function virtualUser(): Promise<void> {
    while (Date.now() < endAt) {
      const productId = nextId();
      const began = performance.now();
      try {
        if (Math.random() < params.readShare) {
          const newest = origin.newestVersion(productId);
          const { page, hit } = await pattern.read(productId);
          const micros = Math.max(1, Math.round((performance.now() - began) * 1000));
          count((tally) => {
            tally.reads++;
            if (hit) tally.hits++;
            else tally.misses++;
            if (isStaleRead(page, newest)) tally.staleReads++;
            tally.latency.recordValue(micros);
          });
        } else {
          await pattern.write(productId, randomPatch());
          count((tally) => tally.writes++);
        }
      } catch {
        count((tally) => tally.errors++);
        await sleep(10); // a failing server must not turn the loop into a busy spin
      }
    }
  }

  let lastStats: ServerStats | null = null;
  let originQueriesSoFar = 0;

  async function tick(t: number): Promise<void> {
    const tally = second;
    second = new Tally();
    const queries = origin.queryCount();
    const originQps = queries - originQueriesSoFar;
    originQueriesSoFar = queries;
    const [stats, queueLag] = await Promise.all([
      within(STEP_MS, readServerStats(deps.server.admin), lastStats),
      pattern.queueLag ? within(STEP_MS, pattern.queueLag(), 0) : Promise.resolve(undefined),
    ]);
    const evictions = stats && lastStats ? Math.max(0, stats.evictedKeys - lastStats.evictedKeys) : 0;
    lastStats = stats ?? lastStats;
    series.push({
      t,
      reads: tally.reads,
      writes: tally.writes,
      hits: tally.hits,
      misses: tally.misses,
      hitRatio: ratio(tally.hits, tally.misses),
      p50Ms: ms(tally.latency.getValueAtPercentile(50)),
      p95Ms: ms(tally.latency.getValueAtPercentile(95)),
      p99Ms: ms(tally.latency.getValueAtPercentile(99)),
      originQps,
      staleReads: tally.staleReads,
      errors: tally.errors,
      usedMemoryBytes: lastStats?.usedMemoryBytes ?? 0,
      evictions,
      ...(queueLag === undefined ? {} : { queueLag }),
    });
    series.sort((a, b) => a.t - b.t);
    if (params.killConsumerAfterSeconds === t && 'killConsumer' in pattern) {
      (pattern as WriteBehind).killConsumer();
      consumerKilled = true;
    }
  }

  async function deleteRunKeys(): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await deps.server.admin.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await deps.server.admin.unlink(...keys);
    } while (cursor !== '0');
  }

  async function run(): Promise<void> {
    lastStats = await within(STEP_MS, readServerStats(deps.server.admin), null);
    const users = Promise.all(Array.from({ length: params.concurrency }, () => virtualUser()));
    const ticks: Promise<void>[] = [];
    for (let t = 1; t <= params.seconds; t++) {
      await sleep(Math.max(0, startedAt + t * 1000 - Date.now()));
      ticks.push(tick(t));
    }
    await within(GRACE_MS, users, undefined);
    await Promise.all(ticks);
    let lostWrites: number | undefined;
    if (params.pattern === 'write-behind') {
      const writeBehind = pattern as WriteBehind;
      // A killed consumer flushes nothing more: what is left in the stream is what it lost.
      await within(
        DRAIN_MS + STEP_MS,
        writeBehind.close?.(consumerKilled ? 0 : DRAIN_MS) ?? Promise.resolve(),
        undefined,
      );
      lostWrites = await within(STEP_MS, writeBehind.lostWrites(), 0);
    } else {
      await within(STEP_MS, pattern.close?.(0) ?? Promise.resolve(), undefined);
    }
    summary = {
      reads: total.reads,
      writes: total.writes,
      hits: total.hits,
      misses: total.misses,
      hitRatio: ratio(total.hits, total.misses),
      p50Ms: ms(total.latency.getValueAtPercentile(50)),
      p95Ms: ms(total.latency.getValueAtPercentile(95)),
      p99Ms: ms(total.latency.getValueAtPercentile(99)),
      originQueries: origin.queryCount(),
      staleReads: total.staleReads,
      errors: total.errors,
      evictions: series.reduce((sum, point) => sum + point.evictions, 0),
      ...(lostWrites === undefined ? {} : { lostWrites }),
    };
  }

  const status = (): RunStatus => ({
    id,
    state,
    progress: state === 'running' ? Math.min(1, (Date.now() - startedAt) / (params.seconds * 1000)) : 1,
    pattern: params.pattern,
    params,
    series: [...series],
    ...(summary ? { summary } : {}),
    trace: state === 'running' ? trace.list() : [],
    ...(failure ? { error: failure } : {}),
    startedAt: new Date(startedAt).toISOString(),
  });

  const finished = run()
    .then(() => {
      state = 'done';
    })
    .catch((error: unknown) => {
      console.error(`[patterns] run ${id} failed:`, error);
      state = 'failed';
      failure = 'The run stopped on an unexpected error. Try again.';
    })
    .then(async () => {
      await within(STEP_MS, deleteRunKeys(), undefined);
      for (const connection of connections) connection.disconnect();
      return status();
    });

  return { id, params, status, finished };
}

/** A run id: 16 hex characters, unguessable (a run is only readable by its learner anyway). */
export const newRunId = () => randomBytes(8).toString('hex');
