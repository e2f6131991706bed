import 'server-only';
/**
 * The per-learner Memcached budget: how many keys, and how many bytes of key names plus values
 * (memcached itself would evict other learners' keys when full, so the app stops a learner first).
 * Checked before a storing command or an incr (which can lengthen a counter) is sent, against the
 * index's recorded sizes; when those say "over", they are first refreshed from memcached (expired
 * keys no longer count).
 */
import type { SandboxLimits } from '@/lib/sandbox/limits';
import { memcachedRequest } from './connection';
import { parseUnsigned64 } from './entry';
import { indexedSizes, indexName, liveKeys, recordSize } from './key-index';
import { mapKey } from './key-mapping';

/** The longest counter memcached writes: 2^64 - 1 has 20 digits. */
const COUNTER_MAX_DIGITS = 20;
const UINT64_MASK = (1n << 64n) - 1n;

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

/**
 * The value bytes a counter takes after `incr <key> <delta>`, read from memcached: a result no
 * longer than the value is written in place (padded with spaces), a longer one replaces it with its
 * digits. The worst case (20 digits) when the value or the delta is not a number memcached's way.
 * null when the key is gone (memcached will answer NOT_FOUND).
 */
async function counterSizeAfter(learnerId: string, key: Buffer, delta: string): Promise<number | null> {
  const reply = await memcachedRequest(
    Buffer.concat([Buffer.from('get '), mapKey(learnerId, key), Buffer.from('\r\n')]),
    'values',
  );
  const headerEnd = reply.raw.indexOf('\r\n');
  const header = reply.raw.toString('latin1', 0, headerEnd).split(' ');
  if (header[0] !== 'VALUE') return null;
  const bytes = Number(header[3]);
  const value = parseUnsigned64(reply.raw.toString('latin1', headerEnd + 2, headerEnd + 2 + bytes));
  const by = parseUnsigned64(delta);
  if (value === null || by === null) return Math.max(bytes, COUNTER_MAX_DIGITS);
  return Math.max(bytes, String((value + by) & UINT64_MASK).length);
}

/**
 * Reserves room for `incr` before it is sent: a counter may grow to 20 digits (2^64 - 1), so the
 * index records the most it can take, and when that would pass the budget, the exact size the
 * result will take is computed from the value (one learner has one command in flight, so it cannot
 * change in between). Returns the refusal to show (nothing sent, the value kept), or the size
 * recorded before (undefined: not the learner's key, and memcached answers NOT_FOUND) for
 * counterSizeFromReply. decr never grows a value: it needs no reservation.
 */
export async function reserveIncrement(
  learnerId: string,
  key: Buffer,
  delta: string,
  limits: SandboxLimits,
): Promise<{ refusal: string } | { previous: number | undefined }> {
  const name = indexName(key);
  const sizes = await indexedSizes(learnerId);
  const previous = sizes.get(name);
  if (previous === undefined) return { previous };
  let after = Math.max(previous, COUNTER_MAX_DIGITS);
  if (overBudget(sizes, name, after, limits)) {
    const exact = await counterSizeAfter(learnerId, key, delta);
    if (exact === null) return { previous };
    after = exact;
    if (overBudget(sizes, name, after, limits)) {
      // As for a write: keys that expired meanwhile stop counting before a refusal.
      const live = await liveKeys(learnerId, { prune: true });
      const refusal = overBudget(
        new Map(live.map((entry) => [indexName(entry.name), entry.bytes])),
        name,
        after,
        limits,
      );
      if (refusal) return { refusal };
    }
  }
  await recordSize(learnerId, key, after);
  return { previous };
}

/**
 * The value bytes after incr/decr answered `reply` (the longer of the old length and the new digits),
 * or null when the reply is not a number (the value did not change).
 */
export function counterSizeFromReply(reply: string, previous: number | undefined): number | null {
  return /^\d+$/.test(reply) ? Math.max(previous ?? 0, reply.length) : null;
}
