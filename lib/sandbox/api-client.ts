/** The browser's side of the sandbox API, on lib/http/api-client.ts: every helper resolves, never throws. */
import { callApi, failureMessage, fetchApi, postJson, type ApiResult } from '@/lib/http/api-client';
import { challengeRequestsSettled } from '@/lib/challenges/api-client';
import type { ExecReply, SandboxKey } from './api-types';
import type { CommandReference } from './command-docs';
import { DEFAULT_ENGINE, ENGINE_LABELS, type SandboxEngine } from './engines';

export interface ConsoleEntry {
  id: number;
  command: string;
  /** What valkey-cli would print, or the reason the command could not run. */
  text: string;
  ok: boolean;
  /** The server round trip in milliseconds, when the command reached Valkey. */
  ms?: number;
  /** Which server answered, where there are several (the cluster lab's node address). */
  source?: string;
  /** Received on the console's live stream (a message, an invalidation, a notice): no command line. */
  live?: true;
}

/** What the console shows for one line: the reply's text, and how long the server took when it said. */
export type ExecResponse = Pick<ExecReply, 'ok' | 'text' | 'subscribeMode'> & { ms?: number };

export interface SendOptions {
  signal?: AbortSignal;
  /** The live console the line comes from (subscribe mode): Valkey and Redis OSS, not Memcached. */
  consoleId?: string;
  engine?: SandboxEngine;
}

/**
 * What the learner reads when an engine other than Valkey is down or not installed (the API answers
 * 503): what happened and what still works, not an alarm, in place of the server's `(error) …`.
 */
export function unavailableMessage(engine: SandboxEngine): string {
  return `${ENGINE_LABELS[engine].name} is not available right now, so this command did not run. The other engines still work: switch to Valkey meanwhile.`;
}

/** The request body for one engine: `engine` is left out for Valkey, as the API defaults to it. */
function withEngine<T extends object>(body: T, engine: SandboxEngine): T & { engine?: SandboxEngine } {
  return engine === DEFAULT_ENGINE ? body : { ...body, engine };
}

/**
 * Runs one command on an engine (Valkey unless told): the console's text whatever happened,
 * `(error) …` when the command could not run. A Memcached storage command carries its data
 * block after a newline.
 */
export async function sendCommand(command: string, options: SendOptions = {}): Promise<ExecResponse> {
  const { signal, consoleId, engine = DEFAULT_ENGINE } = options;
  // A challenge check running by itself holds the learner's one command slot for a moment.
  await challengeRequestsSettled();
  const answer = await fetchApi('/api/sandbox/exec', {
    ...postJson(withEngine(consoleId ? { command, console: consoleId } : { command }, engine)),
    signal,
  });
  const body = answer?.body;
  if (answer?.response.status === 503 && engine !== DEFAULT_ENGINE)
    return { ok: false, text: unavailableMessage(engine) };
  if (body && typeof body.text === 'string')
    return {
      ok: body.ok === true,
      text: body.text,
      ms: typeof body.ms === 'number' ? body.ms : undefined,
      ...(typeof body.subscribeMode === 'boolean' ? { subscribeMode: body.subscribeMode } : {}),
    };
  return { ok: false, text: `(error) ${failureMessage(answer)}` };
}

export type { SandboxKey } from './api-types';

export type KeysResult = ApiResult<{ keys: SandboxKey[]; truncated: boolean }>;
export type ResetResult = ApiResult<{ deleted: number }>;

/** callApi for the keys and reset routes, with the engine's "not available" sentence for a 503. */
async function keysCall<T>(path: string, init: RequestInit, engine: SandboxEngine): Promise<ApiResult<T>> {
  const answer = await fetchApi(path, init);
  if (answer?.response.ok && answer.body && answer.body.ok !== false) return { ...(answer.body as T), ok: true };
  if (answer?.response.status === 503 && engine !== DEFAULT_ENGINE)
    return { ok: false, error: `${ENGINE_LABELS[engine].name} is not available right now. Valkey still works.` };
  return { ok: false, error: failureMessage(answer) };
}

/** The learner's keys on an engine (GET /api/sandbox/keys). An abort still rejects, so stale requests can be dropped. */
export function fetchKeys(engine: SandboxEngine = DEFAULT_ENGINE, signal?: AbortSignal): Promise<KeysResult> {
  const query = engine === DEFAULT_ENGINE ? '' : `?engine=${engine}`;
  return keysCall(`/api/sandbox/keys${query}`, { signal }, engine);
}

/** Deletes every key of the learner on an engine (POST /api/sandbox/reset). */
export function resetKeys(engine: SandboxEngine = DEFAULT_ENGINE): Promise<ResetResult> {
  return keysCall('/api/sandbox/reset', postJson(withEngine({}, engine)), engine);
}

/** The command reference for completion and hover (GET /api/sandbox/docs), or null if unavailable. */
export async function fetchCommandReference(): Promise<CommandReference | null> {
  // The route lets the browser cache it for an hour: keep the default cache mode.
  const result = await callApi<{ commands: CommandReference }>('/api/sandbox/docs', { cache: 'default' });
  return result.ok ? result.commands : null;
}
