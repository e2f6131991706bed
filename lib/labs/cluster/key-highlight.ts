/**
 * A key split for the keyslot explorer: the part Valkey hashes (the hash tag, or the whole key)
 * and what surrounds it, with its slot. The same rule as keyslot.ts (keyHashSlot in
 * src/cluster.c), on the key's UTF-8 bytes, so the browser and the server agree. Client-safe.
 */
import { hashedRange, keySlot } from './keyslot';

export interface HighlightedKey {
  before: string;
  hashed: string;
  after: string;
  /** True when a non-empty hash tag decides the slot. */
  tagged: boolean;
  slot: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function highlightKey(key: string): HighlightedKey {
  const bytes = encoder.encode(key);
  const { start, end, tagged } = hashedRange(bytes);
  return {
    before: decoder.decode(bytes.subarray(0, start)),
    hashed: decoder.decode(bytes.subarray(start, end)),
    after: decoder.decode(bytes.subarray(end)),
    tagged,
    slot: keySlot(bytes),
  };
}
