/**
 * What every pattern is given and what it offers, so the load generator can run any of them. A
 * pattern reads and writes product pages; `cache` is this run's own connection (its keys are the
 * run's: `product:42` here is a key no other run sees).
 */
import type Redis from 'ioredis';
import type { Origin, ProductPage, ProductPatch } from '../origin/origin';

export interface PatternEnv {
  /** The lab's cache server, as this run sees it. */
  cache: Redis;
  /** The database behind it. */
  origin: Origin;
  /** Seconds to keep a cached page: the run's TTL, jittered when the run asks for it. */
  ttlSeconds(): number;
  /** A page as the cache stores it (JSON, padded to the run's value size), and back. */
  encode(page: ProductPage): string;
  decode(value: string): ProductPage;
  /** Another connection like `cache`, for a consumer that blocks while it waits. */
  openConnection(name: string): Redis;
}

export interface Read {
  page: ProductPage;
  /** Answered from the cache, without asking the origin. */
  hit: boolean;
}

export interface CachePattern {
  read(id: number): Promise<Read>;
  write(id: number, patch: ProductPatch): Promise<void>;
  /** Writes queued and not yet in the origin (write-behind); 0 for the others. */
  queueLag?(): Promise<number>;
  /** Stops background work, letting it finish what it holds for at most `drainMs`. */
  close?(drainMs: number): Promise<void>;
}

/** The cache key of a product page. */
export const productKey = (id: number) => `product:${id}`;
