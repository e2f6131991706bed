/** The browser's side of the sandbox API: every helper resolves, never throws. */
import type { SandboxKey } from './api-types';
import type { CommandReference } from './command-docs';

export interface ConsoleEntry {
  id: number;
  command: string;
  /** What valkey-cli would print, or the reason the command could not run. */
  text: string;
  ok: boolean;
  /** The server round trip in milliseconds, when the command reached Valkey. */
  ms?: number;
}

export type ExecResponse = { ok: boolean; text: string; ms?: number };

type ErrorBody = { ok?: boolean; text?: string; error?: string; ms?: number } | null;

async function readBody<T>(response: Response): Promise<T | null> {
  return (await response.json().catch(() => null)) as T | null;
}

/** One sentence for a failed call, from the body's error when the server gave one. */
function failureMessage(status: number, body: ErrorBody, retryAfter: string | null): string {
  if (body?.error) return body.error;
  if (status === 429) return `Too many requests. Try again in ${retryAfter ?? 'a few'} seconds.`;
  if (status === 503) return 'The sandbox server is unavailable. Try again in a moment.';
  return `The sandbox answered with HTTP ${status}. Try again in a moment.`;
}

const UNREACHABLE = 'Could not reach the sandbox. Check your connection and try again.';

export async function sendCommand(command: string, signal?: AbortSignal): Promise<ExecResponse> {
  try {
    const response = await fetch('/api/sandbox/exec', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ command }),
      credentials: 'same-origin',
      signal,
    });
    const body = await readBody<NonNullable<ErrorBody>>(response);
    const ms = typeof body?.ms === 'number' ? body.ms : undefined;
    if (body && typeof body.text === 'string') return { ok: body.ok === true, text: body.text, ms };
    return { ok: false, text: `(error) ${failureMessage(response.status, body, response.headers.get('Retry-After'))}` };
  } catch {
    return { ok: false, text: `(error) ${UNREACHABLE}` };
  }
}

export type { SandboxKey } from './api-types';

export type Failure = { ok: false; error: string };
export type KeysResult = { ok: true; keys: SandboxKey[]; truncated: boolean } | Failure;
export type ResetResult = { ok: true; deleted: number } | Failure;

async function callJson<T extends { ok: true }>(path: string, init: RequestInit, valid: (body: unknown) => body is T): Promise<T | Failure> {
  try {
    const response = await fetch(path, { credentials: 'same-origin', ...init });
    const body = await readBody<unknown>(response);
    if (response.ok && valid(body)) return body;
    return { ok: false, error: failureMessage(response.status, body as ErrorBody, response.headers.get('Retry-After')) };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return { ok: false, error: UNREACHABLE };
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function isKeysBody(body: unknown): body is Extract<KeysResult, { ok: true }> {
  return isRecord(body) && body.ok === true && Array.isArray(body.keys) && body.keys.every((key) => isRecord(key) && typeof key.name === 'string' && typeof key.ttl === 'number');
}

/** The learner's keys (GET /api/sandbox/keys). An abort still rejects, so stale requests can be dropped. */
export function fetchKeys(signal?: AbortSignal): Promise<KeysResult> {
  return callJson('/api/sandbox/keys', { signal, cache: 'no-store' }, isKeysBody);
}

/** Deletes every key of the learner (POST /api/sandbox/reset). */
export function resetKeys(): Promise<ResetResult> {
  return callJson('/api/sandbox/reset', { method: 'POST' }, (body): body is Extract<ResetResult, { ok: true }> => isRecord(body) && body.ok === true && typeof body.deleted === 'number');
}

/** The command reference for completion and hover (GET /api/sandbox/docs), or null if unavailable. */
export async function fetchCommandReference(): Promise<CommandReference | null> {
  const result = await callJson('/api/sandbox/docs', {}, (body): body is { ok: true; commands: CommandReference } => isRecord(body) && body.ok === true && isRecord(body.commands));
  return result.ok ? result.commands : null;
}
