import 'server-only';
/**
 * Imports are the only writes that add megabytes at once, so they stop while the app's Valkey is
 * more than IMPORT_HEADROOM full: the room left keeps grades, progress and the sandbox's rate-limit
 * buckets working for everyone while an operator looks (H6 of issue 10). The fill level comes from
 * INFO memory, read at most once per CHECK_INTERVAL_MS per process.
 */
import { AppError } from '@/lib/errors';
import { getValkey } from './connections';

/** Imports are refused above this fraction of maxmemory. */
export const IMPORT_HEADROOM = 0.75;
const CHECK_INTERVAL_MS = 5_000;

const cache = globalThis as typeof globalThis & { keyspaceAppMemory?: { at: number; used: number; max: number } };

async function appMemory(): Promise<{ used: number; max: number }> {
  const cached = cache.keyspaceAppMemory;
  if (cached && Date.now() - cached.at < CHECK_INTERVAL_MS) return cached;
  const info = await (await getValkey('app')).info('memory');
  const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)?.[1] ?? 0);
  const memory = { at: Date.now(), used: field('used_memory'), max: field('maxmemory') };
  cache.keyspaceAppMemory = memory;
  return memory;
}

/** Throws a 503 when the app's Valkey has too little room left for an import (no maxmemory: always room). */
export async function requireImportHeadroom(): Promise<void> {
  const { used, max } = await appMemory();
  if (max === 0 || used <= max * IMPORT_HEADROOM) return;
  const percent = Math.round((used / max) * 100);
  throw new AppError(
    'unavailable',
    `Keyspace is not taking imports right now: its data Valkey is ${percent}% full. Your grades and progress are still saved; try the import again later.`,
    { retryAfterSeconds: 60 },
  );
}

/** Forgets the cached fill level (tests that change maxmemory). */
export function forgetAppMemory(): void {
  delete cache.keyspaceAppMemory;
}
