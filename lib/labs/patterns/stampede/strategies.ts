/**
 * Four ways to read a hot key that is about to expire, as a reader of a busy product page would.
 * The lab runs hundreds of these readers at once around the moment the key expires and counts how
 * many of them went to the database (the origin).
 *
 * - none:  read; on a miss, query the origin and cache the answer. Every reader that misses queries.
 * - lock:  on a miss, one reader takes a lock (SET NX PX) and loads; the others wait for its value.
 * - early: XFetch. Each reader may recompute *before* the expiry, with a probability that grows as
 *          the expiry nears and with how long a recompute takes (δ) and β.
 * - stale: the value carries a soft expiry and lives longer than it; past the soft expiry readers
 *          get the stale value at once while one of them (behind a lock) refreshes it.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type Redis from 'ioredis';
import type { StampedeStrategy } from '../api-types';
import type { ProductPage } from '../origin/origin';

/** What the cache holds for the hot key. */
export interface CachedPage {
  page: ProductPage;
  /** When the value should no longer be served (ms since the epoch): the TTL, or the soft TTL for `stale`. */
  expiresAt: number;
  /** How long loading it from the origin took: XFetch's δ. */
  computeMs: number;
}

export interface HotKey {
  cache: Redis;
  key: string;
  lockKey: string;
  /** One origin query for the page. */
  load(): Promise<ProductPage>;
  /** How long a freshly loaded value stays fresh. */
  ttlMs: number;
  /** XFetch's β: above 1 recomputes earlier, below 1 later. */
  beta: number;
  /** `stale` keeps a value this long past its soft expiry. */
  staleForMs: number;
  /** How long a reader waits for another reader's load before giving up (an error). */
  waitLimitMs: number;
  /** Hands over a refresh that runs after the reader has its answer (`stale`), so the lab can wait for it. */
  inBackground(refresh: Promise<void>): void;
}

/** How a read was answered: from the cache, by querying the origin (after a miss, or early), by waiting for another reader, or stale. */
export type ReadOutcome = 'hit' | 'loaded' | 'early' | 'waited' | 'stale';

// Deletes the lock only if it still holds our token: never another reader's lock taken after ours expired.
// (Valkey 9 has DELIFEQ for this; the lab's Valkey 8 needs the script.)
const RELEASE_LOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
const LOCK_MS = 2_000;

async function readCached(hot: HotKey): Promise<CachedPage | null> {
  const raw = await hot.cache.get(hot.key);
  return raw === null ? null : (JSON.parse(raw) as CachedPage);
}

/** Loads from the origin and caches the page; with `keepStaleMs` the key outlives its soft expiry. */
async function loadAndStore(hot: HotKey, keepStaleMs = 0): Promise<void> {
  const started = performance.now();
  const page = await hot.load();
  const computeMs = performance.now() - started;
  const value: CachedPage = { page, expiresAt: Date.now() + hot.ttlMs, computeMs };
  await hot.cache.set(hot.key, JSON.stringify(value), 'PX', hot.ttlMs + keepStaleMs);
}

const isFresh = (value: CachedPage | null): value is CachedPage => value !== null && Date.now() < value.expiresAt;

/** Takes the lock, loads unless another reader did in the meantime, releases the lock. False when the lock was taken. */
async function loadUnderLock(hot: HotKey, keepStaleMs = 0): Promise<boolean> {
  const token = randomBytes(8).toString('hex');
  if ((await hot.cache.set(hot.lockKey, token, 'PX', LOCK_MS, 'NX')) !== 'OK') return false;
  try {
    // Another reader may have loaded between our read and our lock: then there is nothing to do.
    if (!isFresh(await readCached(hot))) await loadAndStore(hot, keepStaleMs);
  } finally {
    await hot.cache.eval(RELEASE_LOCK, 1, hot.lockKey, token);
  }
  return true;
}

async function none(hot: HotKey): Promise<ReadOutcome> {
  if (await readCached(hot)) return 'hit';
  await loadAndStore(hot);
  return 'loaded';
}

async function lock(hot: HotKey, keepStaleMs = 0): Promise<ReadOutcome> {
  if (await readCached(hot)) return 'hit';
  const giveUpAt = Date.now() + hot.waitLimitMs;
  while (Date.now() < giveUpAt) {
    if (await loadUnderLock(hot, keepStaleMs)) return 'loaded';
    await sleep(5);
    if (await readCached(hot)) return 'waited';
  }
  throw new Error(`gave up after waiting ${hot.waitLimitMs} ms for another reader to load the key`);
}

async function early(hot: HotKey): Promise<ReadOutcome> {
  const cached = await readCached(hot);
  // XFetch (Vattani et al.): recompute when now − δ·β·ln(random) ≥ expiry. ln(random) < 0, so the
  // left side runs ahead of the clock by a random amount, more so for slow loads and a larger β.
  if (cached && Date.now() - cached.computeMs * hot.beta * Math.log(Math.random()) < cached.expiresAt) return 'hit';
  await loadAndStore(hot);
  return cached ? 'early' : 'loaded';
}

async function stale(hot: HotKey): Promise<ReadOutcome> {
  const cached = await readCached(hot);
  if (isFresh(cached)) return 'hit';
  if (cached) {
    // Past the soft expiry: answer with what we have; whoever gets the lock refreshes it behind us.
    hot.inBackground(loadUnderLock(hot, hot.staleForMs).then(() => undefined));
    return 'stale';
  }
  // Nothing at all (a cold cache): there is nothing stale to serve, so wait like `lock` does.
  return lock(hot, hot.staleForMs);
}

export const READ_STRATEGIES: Record<StampedeStrategy, (hot: HotKey) => Promise<ReadOutcome>> = {
  none,
  lock: (hot) => lock(hot),
  early,
  stale,
};
