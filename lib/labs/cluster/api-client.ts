/**
 * The browser's side of the cluster lab API (app/api/labs/cluster/**, docs/api.md), on
 * lib/http/api-client.ts: every helper resolves, never throws (except when its caller aborts it).
 */
import { callApi, failureMessage, fetchApi, postJson, type ApiResult } from '@/lib/http/api-client';
import type { LabShape } from './lab-node';
import type { LabTopology } from './topology';

export type { LabShape } from './lab-node';
export type { LabTopology, TopologyNode, TopologyShard, NodeHealth, LabEndpoints } from './topology';
export type LabConsoleMode = 'cluster' | 'node' | 'primary' | 'reader';

/** A started lab; `busy` when every lab slot is taken (503), with how long to wait; or an error. */
export type StartResult =
  | { kind: 'started'; topology: LabTopology }
  | { kind: 'busy'; retryAfterSeconds: number | null; message: string }
  | { kind: 'error'; message: string };

const isTopology = (body: unknown): body is LabTopology =>
  typeof body === 'object' && body !== null && Array.isArray((body as LabTopology).shards);

export async function startLab(shape: LabShape): Promise<StartResult> {
  const answer = await fetchApi('/api/labs/cluster', postJson({ shape }));
  if (answer?.response.ok && isTopology(answer.body)) return { kind: 'started', topology: answer.body };
  if (answer?.response.status === 503) {
    const header = Number(answer.response.headers.get('Retry-After'));
    return {
      kind: 'busy',
      retryAfterSeconds: Number.isFinite(header) && header > 0 ? header : null,
      message: failureMessage(answer),
    };
  }
  return { kind: 'error', message: failureMessage(answer) };
}

/** "All labs are busy, try again in 3 minutes." from a Retry-After in seconds. */
export function busyMessage(retryAfterSeconds: number | null): string {
  if (retryAfterSeconds === null) return 'All labs are busy, try again in a few minutes.';
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `All labs are busy, try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}

export type TopologyResult =
  { kind: 'topology'; topology: LabTopology } | { kind: 'none' } | { kind: 'error'; message: string };

/** The learner's lab as it is now (GET /api/labs/cluster); `none` when they have no lab (404). */
export async function fetchTopology(signal?: AbortSignal): Promise<TopologyResult> {
  const answer = await fetchApi('/api/labs/cluster', { signal });
  if (answer?.response.ok && isTopology(answer.body)) return { kind: 'topology', topology: answer.body };
  if (answer?.response.status === 404) return { kind: 'none' };
  return { kind: 'error', message: failureMessage(answer) };
}

export function deleteLab(): Promise<ApiResult<{ deleted: boolean }>> {
  return callApi('/api/labs/cluster', { method: 'DELETE' });
}

/** What the lab console shows for one line, and the node that answered (null when none did). */
export interface LabExecResponse {
  ok: boolean;
  text: string;
  ms?: number;
  node: string | null;
  /** True when the server turned the line away for coming too fast (429): nothing ran. */
  rateLimited?: boolean;
}

export async function execInLab(
  command: string,
  mode: LabConsoleMode,
  node?: string,
  signal?: AbortSignal,
): Promise<LabExecResponse> {
  const answer = await fetchApi('/api/labs/cluster/exec', { ...postJson({ command, mode, node }), signal });
  const body = answer?.body;
  if (body && typeof body.text === 'string')
    return {
      ok: body.ok === true,
      text: body.text,
      ms: typeof body.ms === 'number' ? body.ms : undefined,
      node: typeof body.node === 'string' ? body.node : null,
      ...(answer.response.status === 429 ? { rateLimited: true } : {}),
    };
  return {
    ok: false,
    text: `(error) ${failureMessage(answer)}`,
    node: null,
    ...(answer?.response.status === 429 ? { rateLimited: true } : {}),
  };
}

const operation = (path: string, body: unknown): Promise<ApiResult<LabTopology>> => callApi(path, postJson(body));

export const failoverShard = (shard: number, kind: 'graceful' | 'kill') =>
  operation('/api/labs/cluster/failover', { shard, kind });
export const restartNode = (node: string) => operation('/api/labs/cluster/restart', { node });
export const reshard = (from: number, to: number, slots: number) =>
  operation('/api/labs/cluster/reshard', { from, to, slots });
export const resumeReshard = () => operation('/api/labs/cluster/reshard', { resume: true });
export const reshardPausing = (from: number, to: number, slots: number, pauseAfterKeys: number) =>
  operation('/api/labs/cluster/reshard', { from, to, slots, pauseAfterKeys });
export const repairOpenSlots = () => operation('/api/labs/cluster/repair', {});
export const runWriteLoss = () => operation('/api/labs/cluster/write-loss', {});
