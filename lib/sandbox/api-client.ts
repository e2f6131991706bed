/** The browser's side of the sandbox API, on lib/http/api-client.ts: every helper resolves, never throws. */
import { callApi, failureMessage, fetchApi, postJson, type ApiResult } from '@/lib/http/api-client';
import { challengeRequestsSettled } from '@/lib/challenges/api-client';
import type { ExecReply, SandboxKey } from './api-types';
import type { CommandReference } from './command-docs';

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

/** Runs one line: the console's text whatever happened, `(error) …` when the command could not run. */
export async function sendCommand(command: string, signal?: AbortSignal, consoleId?: string): Promise<ExecResponse> {
  // A challenge check running by itself holds the learner's one command slot for a moment.
  await challengeRequestsSettled();
  const answer = await fetchApi('/api/sandbox/exec', {
    ...postJson(consoleId ? { command, console: consoleId } : { command }),
    signal,
  });
  const body = answer?.body;
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

/** The learner's keys (GET /api/sandbox/keys). An abort still rejects, so stale requests can be dropped. */
export function fetchKeys(signal?: AbortSignal): Promise<KeysResult> {
  return callApi('/api/sandbox/keys', { signal });
}

/** Deletes every key of the learner (POST /api/sandbox/reset). */
export function resetKeys(): Promise<ResetResult> {
  return callApi('/api/sandbox/reset', { method: 'POST' });
}

/** The command reference for completion and hover (GET /api/sandbox/docs), or null if unavailable. */
export async function fetchCommandReference(): Promise<CommandReference | null> {
  // The route lets the browser cache it for an hour: keep the default cache mode.
  const result = await callApi<{ commands: CommandReference }>('/api/sandbox/docs', { cache: 'default' });
  return result.ok ? result.commands : null;
}
