/**
 * The console's command reference in the browser: fetched from GET /api/sandbox/docs the first
 * time a console wants it (a focus, or Monaco's language registering), never bundled, and shared
 * by the plain input's completion list and the Monaco editor, so a page fetches it once.
 */
import { fetchCommandReference } from '@/lib/sandbox/api-client';
import type { CommandReference } from '@/lib/sandbox/command-docs';

let reference: CommandReference | null = null;
let loading: Promise<CommandReference | null> | null = null;

/** The reference once loaded, else null (no request). */
export function loadedCommandReference(): CommandReference | null {
  return reference;
}

/** Loads the reference once; after a failure (server down) the next call tries again. */
export function loadCommandReference(): Promise<CommandReference | null> {
  if (reference) return Promise.resolve(reference);
  loading ??= fetchCommandReference().then((result) => {
    loading = null;
    if (result) reference = result;
    return result;
  });
  return loading;
}
