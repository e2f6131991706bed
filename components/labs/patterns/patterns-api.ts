/**
 * The patterns lab views' calls to its API (app/api/labs/patterns/**, docs/api.md), with the shapes
 * of lib/labs/patterns/api-types.ts. Unlike lib/labs/patterns/api-client.ts they also answer the
 * HTTP status of a refusal, because the views say something different for 429, 400 and 503.
 */
import { fetchApi, failureMessage, postJson } from '@/lib/http/api-client';

export { PATTERN_IDS, RUN_LIMITS } from '@/lib/labs/patterns/api-types';
export type {
  PatternId,
  PatternSource,
  RunParams as WorkloadParams,
  RunPoint as SeriesPoint,
  RunStatus,
  RunSummary,
  TraceEntry,
} from '@/lib/labs/patterns/api-types';
import type { PatternCode, RunParams, RunStarted, RunStatus } from '@/lib/labs/patterns/api-types';

export { EVICTION_POLICIES, STAMPEDE_LIMITS, STAMPEDE_STRATEGIES } from '@/lib/labs/patterns/api-types';
export type {
  EvictionPolicy,
  EvictionResult,
  StampedeRequest,
  StampedeResult,
  StampedeStrategy,
} from '@/lib/labs/patterns/api-types';
import type { EvictionPolicy, EvictionResult, StampedeRequest, StampedeResult } from '@/lib/labs/patterns/api-types';

export {
  PIPELINING_BATCH_SIZE,
  PIPELINING_LIMITS,
  PIPELINING_MODES,
  pipeliningProblem,
} from '@/lib/labs/patterns/pipelining/pipelining-types';
export type {
  PipeliningMode,
  PipeliningModeResult,
  PipeliningRequest,
  PipeliningResult,
} from '@/lib/labs/patterns/pipelining/pipelining-types';
import type { PipeliningRequest, PipeliningResult } from '@/lib/labs/patterns/pipelining/pipelining-types';

/** A call's outcome: the body, or the server's sentence and status (0 when it could not be reached). */
export type PatternsAnswer<T> = { ok: true; value: T } | { ok: false; status: number; error: string };

async function call<T>(path: string, init: RequestInit = {}): Promise<PatternsAnswer<T>> {
  const answer = await fetchApi(path, init);
  if (answer?.response.ok && answer.body) return { ok: true, value: answer.body as T };
  return { ok: false, status: answer?.response.status ?? 0, error: failureMessage(answer) };
}

export const startRun = (params: RunParams) => call<RunStarted>('/api/labs/patterns/runs', postJson(params));

export const readRun = (id: string, signal?: AbortSignal) =>
  call<RunStatus>(`/api/labs/patterns/runs/${encodeURIComponent(id)}`, { signal });

export const runStampede = (request: StampedeRequest) =>
  call<StampedeResult>('/api/labs/patterns/stampede', postJson(request));

export const runEviction = (policy: EvictionPolicy) =>
  call<EvictionResult>('/api/labs/patterns/eviction', postJson({ policy }));

export const runPipelining = (request: PipeliningRequest) =>
  call<PipeliningResult>('/api/labs/patterns/pipelining', postJson(request));

export const readPatternCode = () => call<PatternCode>('/api/labs/patterns/code');
