/**
 * Memcached has no users or namespaces, so a learner's isolation is a prefix the app puts on every
 * key they name (the same `sb:<id>:` as on the sandbox Valkey) and takes off every key in a reply.
 * memcached's 250-byte key limit counts the prefix: a learner's keys may be 250 - 16 = 234 bytes.
 */
import { sandboxKeyPrefix } from '@/lib/valkey/keys';

/** memcached's KEY_MAX_LENGTH. */
export const MEMCACHED_KEY_LIMIT = 250;

export function memcachedKeyPrefix(learnerId: string): Buffer {
  return Buffer.from(sandboxKeyPrefix(learnerId));
}

/** The longest key a learner may name: memcached's limit less their prefix. */
export function learnerKeyLimit(learnerId: string): number {
  return MEMCACHED_KEY_LIMIT - memcachedKeyPrefix(learnerId).length;
}

export function mapKey(learnerId: string, key: Buffer): Buffer {
  return Buffer.concat([memcachedKeyPrefix(learnerId), key]);
}

/** The line shown after memcached's own CLIENT_ERROR when a key is over the limit with the prefix. */
export function keyTooLongNote(learnerId: string): string {
  const prefix = memcachedKeyPrefix(learnerId).length;
  return `(note) the sandbox puts a ${prefix}-byte prefix on every key to keep learners apart, so keys here may be at most ${MEMCACHED_KEY_LIMIT - prefix} bytes (memcached's limit is ${MEMCACHED_KEY_LIMIT}).`;
}

const CRLF = Buffer.from('\r\n');

/**
 * A retrieval reply with the prefix taken off each `VALUE <key> …` line; data blocks are copied
 * as they are (walked by their byte counts, so a value that looks like a VALUE line is left alone).
 */
export function unmapValueKeys(raw: Buffer, prefix: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset < raw.length) {
    const end = raw.indexOf(CRLF, offset);
    if (end < 0) break;
    const line = raw.subarray(offset, end);
    if (line.subarray(0, 6).toString('latin1') === 'VALUE ') {
      const key = line.subarray(6);
      const unmapped = key.subarray(0, prefix.length).equals(prefix) ? key.subarray(prefix.length) : key;
      const bytes = Number(line.toString('latin1').split(' ')[3]);
      parts.push(Buffer.from('VALUE '), unmapped, CRLF, raw.subarray(end + 2, end + 2 + bytes + 2));
      offset = end + 2 + bytes + 2;
    } else {
      parts.push(raw.subarray(offset, end + 2));
      offset = end + 2;
    }
  }
  parts.push(raw.subarray(offset));
  return Buffer.concat(parts);
}
