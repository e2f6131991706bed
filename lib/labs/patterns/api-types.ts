/**
 * The caching-patterns lab's API shapes (docs/api.md), shared by the routes, the browser client and
 * the challenge checker. Types and plain constants only: the browser imports this file.
 */

export const PATTERN_IDS = [
  'none',
  'cache-aside',
  'read-through',
  'write-through',
  'write-behind',
  'refresh-ahead',
] as const;
export type PatternId = (typeof PATTERN_IDS)[number];

/** Each workload parameter's bounds; a request beyond them is refused (400), whatever it says. */
export const RUN_LIMITS = {
  seconds: { min: 1, max: 30 },
  concurrency: { min: 1, max: 100 },
  /** Zipf exponent of key popularity: 0 is uniform, 1 is classic Zipf, higher is hotter. */
  zipf: { min: 0, max: 2 },
  readShare: { min: 0, max: 1 },
  ttlSeconds: { min: 1, max: 3600 },
  valueBytes: { min: 64, max: 65_536 },
} as const;

export interface RunParams {
  pattern: PatternId;
  seconds: number;
  concurrency: number;
  zipf: number;
  /** Share of operations that are reads (0–1); the rest are writes. */
  readShare: number;
  ttlSeconds: number;
  /** Spread each TTL by up to ±10 % so keys cached together do not expire together. */
  jitter: boolean;
  /** Size of each cached value: the product page padded to this many bytes. */
  valueBytes: number;
  /** Write-behind only: the consumer dies after this many seconds, and what it never flushed is lost. */
  killConsumerAfterSeconds?: number;
}

export const RUN_DEFAULTS: Required<Omit<RunParams, 'pattern' | 'killConsumerAfterSeconds'>> = {
  seconds: 10,
  concurrency: 20,
  zipf: 1,
  readShare: 0.9,
  ttlSeconds: 30,
  jitter: true,
  valueBytes: 1024,
};

/** One second of a run. Latencies are read latencies, in milliseconds. */
export interface RunPoint {
  /** Seconds since the run started (1, 2, …). */
  t: number;
  reads: number;
  writes: number;
  hits: number;
  misses: number;
  /** hits / (hits + misses) this second; 0 when there were none. */
  hitRatio: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Origin queries this second. */
  originQps: number;
  /** Reads that returned an older version than the origin had when the read began. */
  staleReads: number;
  errors: number;
  /** The cache server's `used_memory` at the end of the second. */
  usedMemoryBytes: number;
  /** Keys the cache server evicted this second. */
  evictions: number;
  /** Write-behind only: writes queued in the stream and not yet flushed to the origin. */
  queueLag?: number;
}

export interface RunSummary {
  reads: number;
  writes: number;
  hits: number;
  misses: number;
  hitRatio: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  originQueries: number;
  staleReads: number;
  errors: number;
  evictions: number;
  /** Write-behind only: queued writes never flushed to the origin (none, when its consumer drained them). */
  lostWrites?: number;
}

export type RunState = 'running' | 'done' | 'failed';

/** One cache command a pattern issued, sampled for the live trace beside the code. */
export interface TraceEntry {
  /** Milliseconds since the run started. */
  t: number;
  /** As valkey-cli would show it, with the run's key prefix left out ("GET product:42"). */
  command: string;
}

/** GET /api/labs/patterns/runs/<id>; a finished run's body is also its recorded result. */
export interface RunStatus {
  id: string;
  state: RunState;
  /** 0–1: seconds elapsed over seconds asked for. */
  progress: number;
  pattern: PatternId;
  params: RunParams;
  series: RunPoint[];
  summary?: RunSummary;
  /** The last 50 cache commands while the run is going. */
  trace: TraceEntry[];
  /** Why a run failed, in a sentence. */
  error?: string;
  startedAt: string;
}

export interface RunStarted {
  id: string;
}

export interface PatternSource {
  id: PatternId;
  title: string;
  /** The pattern's TypeScript, as shown read-only in the editor. */
  source: string;
}

/** GET /api/labs/patterns/code */
export interface PatternCode {
  patterns: PatternSource[];
}

/** What results.ts keeps per learner. */
export type ResultKind = 'run' | 'stampede' | 'eviction' | 'pipelining';

// ---- The stampede and eviction experiments (lib/labs/patterns/stampede, …/eviction) ----

export const STAMPEDE_STRATEGIES = ['none', 'lock', 'early', 'stale'] as const;
/** none; single-flight lock; XFetch probabilistic early expiration; serve stale while one reader refreshes. */
export type StampedeStrategy = (typeof STAMPEDE_STRATEGIES)[number];

/** A stampede request's bounds (400 beyond them); with readers waiting at most 2 s per expiry, a run stays well under 10 s. */
export const STAMPEDE_LIMITS = {
  maxReaders: 500,
  minBeta: 0.1,
  maxBeta: 10,
  maxExpiries: 3,
  maxArrivalWindowMs: 500,
} as const;

/** POST /api/labs/patterns/stampede */
export interface StampedeRequest {
  /** 1–500 readers, spread over 100 ms centred on each expiry. */
  readers: number;
  strategy: StampedeStrategy;
  /** XFetch's β for `early` (0.1–10, default 1): above 1 recomputes earlier. */
  beta?: number;
}

/** The answer to a stampede request, also its recorded result. */
export interface StampedeResult {
  strategy: StampedeStrategy;
  readers: number;
  /** Only for `early`. */
  beta?: number;
  /** Origin queries the readers made (not the warm-up read that built the value each expiry starts from). */
  originQueries: number;
  /** Origin queries per expiry, in order. */
  originQueriesPerExpiry: number[];
  /** How many times the hot key expired while the readers wanted it. */
  expiries: number;
  /** Reader latency, from arriving to having the page, in milliseconds. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Reads that failed (a waiting reader gave up after 2 s, a Valkey error). */
  errors: number;
  /** Reads answered with a value past its soft expiry (`stale` only). */
  staleReads: number;
  /** Origin queries made before the expiry by readers that found the value still there (`early` only). */
  earlyRecomputes: number;
  durationMs: number;
}

/** Valkey's eight policies; ElastiCache's default parameter group uses `volatile-lru`, Valkey's own default is `noeviction`. */
export const EVICTION_POLICIES = [
  'noeviction',
  'allkeys-lru',
  'allkeys-lfu',
  'allkeys-random',
  'volatile-lru',
  'volatile-lfu',
  'volatile-ttl',
  'volatile-random',
] as const;
export type EvictionPolicy = (typeof EVICTION_POLICIES)[number];

/** Sent with every eviction result (docs/reference/elasticache-facts.md §L4: valkey.conf; AWS's parameter-group and serverless docs). */
export const EVICTION_DEFAULTS_NOTE =
  "Valkey's own default is noeviction; ElastiCache's default parameter group uses volatile-lru (and Serverless always does), which evicts only keys that have a TTL.";

/** POST /api/labs/patterns/eviction */
export interface EvictionRequest {
  policy: EvictionPolicy;
}

/** One point of the eviction chart, taken every twelfth of the run. */
export interface EvictionPoint {
  /** Operations (reads and writes) done so far. */
  operations: number;
  usedMemoryBytes: number;
  /** Keys on the server at that moment. */
  keys: number;
  /** Keys evicted so far. */
  evictions: number;
  /** Writes refused with OOM so far. */
  oomErrors: number;
  /** Hits ÷ reads since the previous point. */
  hitRatio: number;
}

/** The answer to an eviction request, also its recorded result. */
export interface EvictionResult {
  policy: EvictionPolicy;
  /** Writes attempted: the workload's writes plus the fills after read misses. */
  writes: number;
  reads: number;
  hits: number;
  /** Keys the server evicted during the run (INFO stats `evicted_keys`). */
  evictions: number;
  /** Writes refused with `OOM command not allowed when used memory > 'maxmemory'`. */
  oomErrors: number;
  /** Any other error a command answered (none expected). */
  errors: number;
  hitRatio: number;
  maxMemoryBytes: number;
  /** The distinct keys the workload touches, and the bytes of their values together. */
  keySpace: { keys: number; valueBytes: number; totalBytes: number };
  keysAtEnd: number;
  durationMs: number;
  series: EvictionPoint[];
  /** EVICTION_DEFAULTS_NOTE. */
  note: string;
}
