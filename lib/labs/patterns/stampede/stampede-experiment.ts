/**
 * The stampede experiment: a hot product page is cached with a TTL that is about to run out, and N
 * readers arrive spread evenly over a short window centred on the expiry (half before it, half
 * after), each reading through one strategy (strategies.ts). That is repeated for a few expiries,
 * counting the origin queries each expiry caused and every reader's latency.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import * as hdr from 'hdr-histogram-js';
import type Redis from 'ioredis';
import { AppError } from '@/lib/errors';
import type { Origin } from '../origin/origin';
import { STAMPEDE_LIMITS, type StampedeResult, type StampedeStrategy } from '../api-types';
import { READ_STRATEGIES, type CachedPage, type HotKey } from './strategies';

export { STAMPEDE_LIMITS, STAMPEDE_STRATEGIES, type StampedeResult, type StampedeStrategy } from '../api-types';

export interface StampedeOptions {
  readers: number;
  strategy: StampedeStrategy;
  /** XFetch's β (strategy `early`); 1 is the paper's default. */
  beta: number;
  /** How many times the hot key expires while the readers want it. */
  expiries: number;
  /** Readers arrive evenly spread over this window; the key expires in its middle. */
  arrivalWindowMs: number;
  /** The hot product. */
  productId: number;
  /** Where the experiment's keys live on the shared cache server: unique per run. */
  keyPrefix: string;
}

export const DEFAULT_STAMPEDE_OPTIONS: Omit<StampedeOptions, 'readers' | 'strategy' | 'keyPrefix'> = {
  beta: 1,
  expiries: 3,
  arrivalWindowMs: 100,
  productId: 1,
};

/** Whatever happens, the experiment ends within about this plus one expiry (well under 10 s). */
const TIME_LIMIT_MS = 6_000;

/** Long enough that a value loaded during an expiry does not expire again before the next one. */
const FRESH_FOR_MS = 5_000;

const round2 = (value: number) => Math.round(value * 100) / 100;

/** A fresh prefix for one run's keys on the shared cache server. */
export const stampedeKeyPrefix = (learnerId: string) => `stampede:${learnerId}:${randomBytes(4).toString('hex')}`;

/** Refuses options beyond the lab's bounds, whoever asks (the API validates the same bounds first). */
function assertWithinLimits(options: StampedeOptions): void {
  const { maxReaders, minBeta, maxBeta, maxExpiries, maxArrivalWindowMs } = STAMPEDE_LIMITS;
  if (!Number.isInteger(options.readers) || options.readers < 1 || options.readers > maxReaders)
    throw new AppError('bad_request', `A stampede has from 1 to ${maxReaders} readers (asked for ${options.readers}).`);
  if (!(options.beta >= minBeta && options.beta <= maxBeta))
    throw new AppError('bad_request', `β must be from ${minBeta} to ${maxBeta} (asked for ${options.beta}).`);
  if (!(options.expiries >= 1 && options.expiries <= maxExpiries && options.arrivalWindowMs <= maxArrivalWindowMs))
    throw new AppError(
      'bad_request',
      `A stampede has 1 to ${maxExpiries} expiries of at most ${maxArrivalWindowMs} ms each.`,
    );
}

/** Runs the experiment on `cache` (the lab's cache server) in front of `origin`; deletes its keys when done. */
export async function runStampedeExperiment(
  cache: Redis,
  origin: Pick<Origin, 'readProductPage'>,
  options: StampedeOptions,
): Promise<StampedeResult> {
  assertWithinLimits(options);
  const started = Date.now();
  const perExpiry: number[] = [];
  const histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 60_000_000,
    numberOfSignificantValueDigits: 3,
  });
  const counts = { errors: 0, staleReads: 0, earlyRecomputes: 0 };
  const refreshes: Promise<void>[] = [];
  let queriesThisExpiry = 0;
  const hot: HotKey = {
    cache,
    key: `${options.keyPrefix}:product:${options.productId}`,
    lockKey: `${options.keyPrefix}:product:${options.productId}:lock`,
    load: async () => {
      queriesThisExpiry += 1;
      return origin.readProductPage(options.productId);
    },
    ttlMs: FRESH_FOR_MS,
    beta: options.beta,
    staleForMs: FRESH_FOR_MS,
    waitLimitMs: 2_000,
    inBackground: (refresh) => void refreshes.push(refresh.catch(() => void (counts.errors += 1))),
  };
  const read = READ_STRATEGIES[options.strategy];

  // Warm-up: one load outside the count gives the value each expiry starts from, and XFetch its δ.
  const warmStarted = performance.now();
  const page = await origin.readProductPage(options.productId);
  const computeMs = performance.now() - warmStarted;

  // Each expiry starts from the value as it stands half a window before it expires.
  const untilExpiryMs = Math.round(options.arrivalWindowMs / 2);
  const keepStaleMs = options.strategy === 'stale' ? FRESH_FOR_MS : 0;
  try {
    // No new expiry past the time limit: one that starts may still take a reader's wait limit (2 s) more.
    while (perExpiry.length < options.expiries && Date.now() - started < TIME_LIMIT_MS) {
      queriesThisExpiry = 0;
      const cached: CachedPage = { page, expiresAt: Date.now() + untilExpiryMs, computeMs };
      await cache.set(hot.key, JSON.stringify(cached), 'PX', untilExpiryMs + keepStaleMs);
      const roundStart = performance.now();
      const readers = Array.from({ length: options.readers }, async (_, index) => {
        await sleep((index / options.readers) * options.arrivalWindowMs);
        const arrived = performance.now();
        try {
          const outcome = await read(hot);
          if (outcome === 'stale') counts.staleReads += 1;
          if (outcome === 'early') counts.earlyRecomputes += 1;
          histogram.recordValue(Math.max(1, Math.round((performance.now() - arrived) * 1000)));
        } catch {
          counts.errors += 1;
        }
      });
      await Promise.all(readers);
      await Promise.all(refreshes.splice(0));
      // Start the next expiry no earlier than the window's end (every reader may have answered at once from the cache).
      const rest = options.arrivalWindowMs - (performance.now() - roundStart);
      if (rest > 0) await sleep(rest);
      await cache.del(hot.key, hot.lockKey);
      perExpiry.push(queriesThisExpiry);
    }
  } finally {
    await cache.del(hot.key, hot.lockKey).catch(() => 0);
  }

  const result: StampedeResult = {
    strategy: options.strategy,
    readers: options.readers,
    originQueries: perExpiry.reduce((sum, queries) => sum + queries, 0),
    originQueriesPerExpiry: perExpiry,
    expiries: perExpiry.length,
    p50Ms: round2(histogram.getValueAtPercentile(50) / 1000),
    p99Ms: round2(histogram.getValueAtPercentile(99) / 1000),
    maxMs: round2(histogram.maxValue / 1000),
    errors: counts.errors,
    staleReads: counts.staleReads,
    earlyRecomputes: counts.earlyRecomputes,
    durationMs: Date.now() - started,
  };
  return options.strategy === 'early' ? { ...result, beta: options.beta } : result;
}
