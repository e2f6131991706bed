import 'server-only';
/**
 * The per-learner Memcached budget: how many keys, and how many bytes of key names plus values
 * (memcached itself would evict other learners' keys when full, so the app stops a learner first).
 * Checked before a storing command is sent, against the index's recorded sizes; when those say
 * "over", they are first refreshed from memcached (expired keys no longer count).
 */
import type { SandboxLimits } from '@/lib/sandbox/limits';
import { indexedSizes, indexName, liveKeys, recordSize } from './key-index';

/** Bytes a key costs the learner: its name and its value. */
const cost = (name: string, bytes: number) => name.length + bytes;

function totals(sizes: Map<string, number>): { keys: number; bytes: number } {
  let bytes = 0;
  for (const [name, size] of sizes) bytes += cost(name, size);
  return { keys: sizes.size, bytes };
}

function overBudget(sizes: Map<string, number>, name: string, newBytes: number, limits: SandboxLimits): string | null {
  const old = sizes.get(name);
  const { keys, bytes } = totals(sizes);
  if (old === undefined && keys + 1 > limits.memcachedMaxKeys) {
    return `over your Memcached budget: you hold ${keys} keys, the sandbox allows ${limits.memcachedMaxKeys} per learner. Delete some (delete <key>, or flush_all) and try again.`;
  }
  const after = bytes - (old === undefined ? 0 : cost(name, old)) + cost(name, newBytes);
  if (after > limits.memcachedMaxBytes) {
    return `over your Memcached budget: your keys would take ${after} bytes (names and values), the sandbox allows ${limits.memcachedMaxBytes} per learner. Delete some (delete <key>, or flush_all) and try again.`;
  }
  return null;
}

/** The value bytes a stored write of `dataBytes` leaves under a key that held `previous`. */
function storedSize(command: string, previous: number | undefined, dataBytes: number): number {
  return command === 'append' || command === 'prepend' ? (previous ?? 0) + dataBytes : dataBytes;
}

/**
 * Reserves room for a storage command's value under `key` before it is sent (the index records the
 * larger of the old and new sizes until the reply settles it). Returns the refusal to show, or the
 * size recorded before (undefined: the key was not indexed) for sizeAfterWrite.
 */
export async function reserveWrite(
  learnerId: string,
  command: string,
  key: Buffer,
  dataBytes: number,
  limits: SandboxLimits,
): Promise<{ refusal: string } | { previous: number | undefined }> {
  const name = indexName(key);
  let sizes = await indexedSizes(learnerId);
  if (overBudget(sizes, name, storedSize(command, sizes.get(name), dataBytes), limits)) {
    const live = await liveKeys(learnerId, { prune: true });
    sizes = new Map(live.map((entry) => [indexName(entry.name), entry.bytes]));
    const refusal = overBudget(sizes, name, storedSize(command, sizes.get(name), dataBytes), limits);
    if (refusal) return { refusal };
  }
  const previous = sizes.get(name);
  await recordSize(learnerId, key, Math.max(previous ?? 0, storedSize(command, previous, dataBytes)));
  return { previous };
}

/** The value bytes a write leaves under its key, or null when memcached did not store it. */
export function sizeAfterWrite(
  command: string,
  reply: string,
  previous: number | undefined,
  dataBytes: number,
): number | null {
  return reply === 'STORED' ? storedSize(command, previous, dataBytes) : null;
}
