import 'server-only';
/**
 * A learner's Memcached keys as a whole: the key browser's list, one key for challenge checks,
 * Reset, flush_all and the idle sweep (delete them all). A flush_all whose deadline has passed but
 * that no command has applied yet (delayed-flush.ts) already hides them from the list and the checks.
 */
import type { SandboxKey } from '@/lib/sandbox/api-types';
import { displayKeyName, KEY_BROWSER_LIMIT } from '@/lib/sandbox/key-browser';
import { memcachedRequest, memcachedRequests } from './connection';
import { flushIsDue } from './delayed-flush';
import { liveKeys, takeIndex } from './key-index';
import { learnerKeyLimit, mapKey, memcachedKeyPrefix, unmapValueKeys } from './key-mapping';

/** Deletes at most this many keys per pipelined batch. */
const DELETE_BATCH = 500;

const request = (...parts: (string | Buffer)[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)));

/** The learner's keys for the key browser (sorted by name, at most KEY_BROWSER_LIMIT): type string, TTL, value bytes. */
export async function listMemcachedKeys(learnerId: string): Promise<{ keys: SandboxKey[]; truncated: boolean }> {
  if (await flushIsDue(learnerId)) return { keys: [], truncated: false };
  // No pruning: this request may race the learner's own writes.
  const live = (await liveKeys(learnerId, { prune: false })).sort((a, b) => Buffer.compare(a.name, b.name));
  return {
    keys: live.slice(0, KEY_BROWSER_LIMIT).map((key) => ({
      name: displayKeyName(key.name),
      type: 'string',
      ttl: key.ttl,
      bytes: key.bytes,
    })),
    truncated: live.length > KEY_BROWSER_LIMIT,
  };
}

/** One key's value (UTF-8), flags and TTL (-1: none), or null when it does not exist: for challenge checks. */
export async function readMemcachedKey(
  learnerId: string,
  key: string,
): Promise<{ value: string; flags: number; ttl: number } | null> {
  const name = Buffer.from(key);
  // Only a name the console could have stored: one token (memcached splits on spaces), on one line.
  if (name.length === 0 || name.length > learnerKeyLimit(learnerId) || /[ \r\n\0]/.test(key)) return null;
  if (await flushIsDue(learnerId)) return null;
  const mapped = mapKey(learnerId, name);
  const [got, meta] = await Promise.all([
    memcachedRequest(request('get ', mapped, '\r\n'), 'values'),
    memcachedRequest(request('mg ', mapped, ' t\r\n'), 'line'),
  ]);
  const reply = unmapValueKeys(got.raw, memcachedKeyPrefix(learnerId));
  const headerEnd = reply.indexOf('\r\n');
  const header = reply.toString('latin1', 0, headerEnd).split(' ');
  if (header[0] !== 'VALUE') return null;
  const bytes = Number(header[3]);
  const ttl = /(?:^| )t(-?\d+)/.exec(meta.lastLine);
  return {
    value: reply.toString('utf8', headerEnd + 2, headerEnd + 2 + bytes),
    flags: Number(header[2]),
    ttl: ttl ? Number(ttl[1]) : -1,
  };
}

/** Sends one command per key, in pipelined batches; returns how many answered `expected`. */
async function eachKey(
  learnerId: string,
  names: readonly Buffer[],
  command: (mapped: Buffer) => Buffer,
  expected: string,
) {
  let matched = 0;
  for (let i = 0; i < names.length; i += DELETE_BATCH) {
    const batch = names.slice(i, i + DELETE_BATCH).map((name) => command(mapKey(learnerId, name)));
    matched += (await memcachedRequests(batch, 'line')).filter((reply) => reply.lastLine === expected).length;
  }
  return matched;
}

/** Deletes every key of the learner (Reset, flush_all, the idle sweep); returns how many existed. */
export async function resetMemcachedKeys(learnerId: string): Promise<number> {
  const names = await takeIndex(learnerId);
  if (names.length === 0) return 0;
  return eachKey(learnerId, names, (mapped) => request('delete ', mapped, '\r\n'), 'DELETED');
}
