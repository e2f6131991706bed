/**
 * The caching-patterns lab's settings, from the environment (lib/config/env.ts, docs/configuration.md).
 * Under Vitest the catalogue is small and the origin lives in memory, so that a test file seeds its
 * own in well under a second; the app keeps the seeded catalogue under `.data/origin/`.
 */
import path from 'node:path';
import { parseEnv, type EnvSource } from '@/lib/config/env';
import { patternsLabPorts } from '@/lib/servers/ports';

export interface PatternsSettings {
  /** A real PostgreSQL server (postgres://…), or null for the embedded PGlite. */
  originUrl: string | null;
  /** Round trip added to every origin query: a database across the network. */
  originLatencyMs: number;
  /** Catalogue size seeded on first start. */
  originProducts: number;
  originReviews: number;
  /** Where PGlite keeps its files; null keeps the database in memory (tests). */
  originDataDir: string | null;
  /** In memory: where a dump of the seeded catalogue is kept to start the next one from (origin.ts). */
  originTemplateDir: string | null;
  /** `maxmemory` of the lab's cache server and of the eviction experiment's small server. */
  cacheMaxMemoryBytes: number;
  evictionMaxMemoryBytes: number;
  /** Loopback ports of the two lab servers. */
  ports: { cache: number; eviction: number };
  /** The data dir (`.data`); lab servers go in its `labs/` folder. */
  dataRoot: string;
}

/** The catalogue a test seeds: small enough to seed in memory in a fraction of a second. */
export const TEST_CATALOGUE = { products: 200, reviews: 2_000 } as const;

const MEGABYTE = 1024 * 1024;

export function patternsSettings(env: EnvSource = process.env): PatternsSettings {
  const parsed = parseEnv(env);
  const underTest = Boolean(env.VITEST);
  const profilePorts = patternsLabPorts(underTest ? 'test' : 'local', env);
  const dataRoot = path.resolve(process.cwd(), parsed.KEYSPACE_DATA_DIR);
  const products = parsed.KEYSPACE_ORIGIN_PRODUCTS ?? (underTest ? TEST_CATALOGUE.products : 10_000);
  const reviews = parsed.KEYSPACE_ORIGIN_REVIEWS ?? (underTest ? TEST_CATALOGUE.reviews : 200_000);
  const cachePort = parsed.KEYSPACE_PATTERNS_CACHE_PORT ?? profilePorts.cache;
  return {
    originUrl: parsed.KEYSPACE_ORIGIN_URL ?? null,
    originLatencyMs: parsed.KEYSPACE_ORIGIN_LATENCY_MS,
    originProducts: products,
    originReviews: reviews,
    // One folder per app (its cache port differs by profile and offset) and per catalogue size:
    // PGlite's files must never be opened by two processes at once.
    originDataDir: underTest ? null : path.join(dataRoot, 'origin', `pglite-${cachePort}-${products}x${reviews}`),
    originTemplateDir: underTest ? path.join(dataRoot, 'origin') : null,
    cacheMaxMemoryBytes: Math.floor(parsed.KEYSPACE_PATTERNS_CACHE_MAXMEMORY_MB * MEGABYTE),
    evictionMaxMemoryBytes: Math.floor(parsed.KEYSPACE_PATTERNS_EVICTION_MAXMEMORY_MB * MEGABYTE),
    ports: { cache: cachePort, eviction: parsed.KEYSPACE_PATTERNS_EVICTION_PORT ?? profilePorts.eviction },
    dataRoot,
  };
}
