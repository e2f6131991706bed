/**
 * The browser's side of the patterns lab API (app/api/labs/patterns/**, issue 14), on
 * lib/http/api-client.ts: every call resolves, never throws, with the body or the server's message
 * and its HTTP status (the views say something different for 429, 400 and 503).
 */
import { fetchApi, failureMessage, postJson } from '@/lib/http/api-client';

export const PATTERN_IDS = [
  'none',
  'cache-aside',
  'read-through',
  'write-through',
  'write-behind',
  'refresh-ahead',
] as const;
export type PatternId = (typeof PATTERN_IDS)[number];

export const STAMPEDE_STRATEGIES = ['none', 'lock', 'early', 'stale'] as const;
export type StampedeStrategy = (typeof STAMPEDE_STRATEGIES)[number];

export const EVICTION_POLICIES = [
  'noeviction',
  'allkeys-lru',
  'allkeys-lfu',
  'volatile-lru',
  'volatile-ttl',
  'allkeys-random',
] as const;
export type EvictionPolicy = (typeof EVICTION_POLICIES)[number];

/** A workload run's request body (POST /api/labs/patterns/runs). */
export interface WorkloadParams {
  pattern: PatternId;
  seconds: number;
  concurrency: number;
  zipf: number;
  readShare: number;
  ttlSeconds: number;
  jitter: boolean;
  valueBytes: number;
}

/** One second of a run. */
export interface SeriesPoint {
  t: number;
  reads: number;
  writes: number;
  hits: number;
  misses: number;
  hitRatio: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  originQps: number;
  staleReads: number;
  errors: number;
  usedMemoryBytes: number;
  evictions: number;
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
}

export interface TraceEntry {
  t: number;
  command: string;
}

/** GET /api/labs/patterns/runs/<id>. */
export interface RunStatus {
  state: 'running' | 'done' | 'failed';
  progress: number;
  series: SeriesPoint[];
  summary?: RunSummary;
  pattern?: PatternId;
  params?: WorkloadParams;
  trace?: TraceEntry[];
  error?: string;
}

export interface StampedeRequest {
  readers: number;
  strategy: StampedeStrategy;
  beta?: number;
}

export interface StampedeResult {
  strategy: StampedeStrategy;
  readers: number;
  originQueries: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  expiries: number;
}

export interface EvictionResult {
  policy: EvictionPolicy;
  writes: number;
  evictions: number;
  oomErrors: number;
  hitRatio: number;
  maxMemoryBytes?: number;
}

export interface PatternSource {
  id: PatternId;
  title: string;
  source: string;
}

/** A call's outcome: the body, or the server's sentence and status (0 when it could not be reached). */
export type PatternsAnswer<T> = { ok: true; value: T } | { ok: false; status: number; error: string };

async function call<T>(path: string, init: RequestInit = {}): Promise<PatternsAnswer<T>> {
  const answer = await fetchApi(path, init);
  if (answer?.response.ok && answer.body) return { ok: true, value: answer.body as T };
  return { ok: false, status: answer?.response.status ?? 0, error: failureMessage(answer) };
}

export const startRun = (params: WorkloadParams) => call<{ id: string }>('/api/labs/patterns/runs', postJson(params));

export const readRun = (id: string, signal?: AbortSignal) =>
  call<RunStatus>(`/api/labs/patterns/runs/${encodeURIComponent(id)}`, { signal });

export const runStampede = (request: StampedeRequest) =>
  call<StampedeResult>('/api/labs/patterns/stampede', postJson(request));

export const runEviction = (policy: EvictionPolicy) =>
  call<EvictionResult>('/api/labs/patterns/eviction', postJson({ policy }));

export const readPatternCode = () => call<{ patterns: PatternSource[] }>('/api/labs/patterns/code');
