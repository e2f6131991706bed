/**
 * The browser's side of the caching-patterns lab API (app/api/labs/patterns/**, docs/api.md), on
 * lib/http/api-client.ts: every helper resolves, never throws (except when its caller aborts it).
 */
import { callApi, postJson, type ApiResult } from '@/lib/http/api-client';
import type {
  EvictionPolicy,
  EvictionResult,
  PatternCode,
  RunParams,
  RunStarted,
  RunStatus,
  StampedeRequest,
  StampedeResult,
} from './api-types';

export type * from './api-types';
export {
  EVICTION_DEFAULTS_NOTE,
  EVICTION_POLICIES,
  PATTERN_IDS,
  RUN_DEFAULTS,
  RUN_LIMITS,
  STAMPEDE_LIMITS,
  STAMPEDE_STRATEGIES,
} from './api-types';

/** Starts a workload run (202 with its id); fails with the server's sentence on 400 (bounds) or 429 (one going). */
export function startRun(params: RunParams): Promise<ApiResult<RunStarted>> {
  return callApi<RunStarted>('/api/labs/patterns/runs', postJson(params));
}

/** A run as it is now: poll about once a second while `state` is `running`. */
export function readRun(id: string, signal?: AbortSignal): Promise<ApiResult<RunStatus>> {
  return callApi<RunStatus>(`/api/labs/patterns/runs/${encodeURIComponent(id)}`, { signal });
}

/** The URL of a run's Server-Sent Events stream (one `status` event per second, the last when it ends). */
export const runEventsUrl = (id: string) => `/api/labs/patterns/runs/${encodeURIComponent(id)}/events`;

/** Each pattern's source, for the read-only editor. */
export function readPatternCode(signal?: AbortSignal): Promise<ApiResult<PatternCode>> {
  return callApi<PatternCode>('/api/labs/patterns/code', { signal });
}

/**
 * Runs a stampede experiment (a few seconds at most) and answers its result; fails with the server's
 * sentence on 400 (bounds) or 429 (the learner's previous one is still running, or the lab is busy).
 */
export function runStampede(request: StampedeRequest, signal?: AbortSignal): Promise<ApiResult<StampedeResult>> {
  return callApi<StampedeResult>('/api/labs/patterns/stampede', { ...postJson(request), signal });
}

/**
 * Fills the lab's small-maxmemory server under one policy (a few seconds; experiments queue one at a
 * time) and answers its result; fails with the server's sentence on 400 or 429 (busy).
 */
export function runEviction(policy: EvictionPolicy, signal?: AbortSignal): Promise<ApiResult<EvictionResult>> {
  return callApi<EvictionResult>('/api/labs/patterns/eviction', { ...postJson({ policy }), signal });
}
