/**
 * The console's command references in the browser, each loaded the first time a console wants it
 * (a focus, or Monaco's language registering), never in a page's first download, and shared by the
 * plain input's completion list and the Monaco editor, so a page loads each once: Valkey's (also
 * Redis OSS's) fetched from GET /api/sandbox/docs, Memcached's a small module imported on demand.
 */
import { fetchCommandReference } from '@/lib/sandbox/api-client';
import type { CommandReference } from '@/lib/sandbox/command-docs';
import type { SandboxEngine } from '@/lib/sandbox/engines';

type ReferenceSource = 'valkey' | 'memcached';

const sourceOf = (engine: SandboxEngine): ReferenceSource => (engine === 'memcached' ? 'memcached' : 'valkey');

const loaders: Record<ReferenceSource, () => Promise<CommandReference | null>> = {
  valkey: fetchCommandReference,
  memcached: () => import('@/lib/sandbox/memcached-reference').then((module) => module.MEMCACHED_REFERENCE),
};
const references: Partial<Record<ReferenceSource, CommandReference>> = {};
const loading: Partial<Record<ReferenceSource, Promise<CommandReference | null>>> = {};

/** The engine's reference once loaded, else null (no request). */
export function loadedCommandReference(engine: SandboxEngine = 'valkey'): CommandReference | null {
  return references[sourceOf(engine)] ?? null;
}

/** Loads the engine's reference once; after a failure (server down) the next call tries again. */
export function loadCommandReference(engine: SandboxEngine = 'valkey'): Promise<CommandReference | null> {
  const source = sourceOf(engine);
  const loaded = references[source];
  if (loaded) return Promise.resolve(loaded);
  loading[source] ??= loaders[source]().then(
    (result) => {
      delete loading[source];
      if (result) references[source] = result;
      return result;
    },
    () => {
      delete loading[source]; // a chunk that failed to load may load on the next try
      return null;
    },
  );
  return loading[source];
}
