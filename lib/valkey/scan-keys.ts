/**
 * Walks the keys matching a pattern with SCAN, one page at a time, so that no caller writes the
 * cursor loop again and none blocks the server the way KEYS would. Yields each page's keys (never
 * an empty page) and stops when the cursor comes back to 0 or, with `limit`, once at least that
 * many keys were yielded: the page that reaches the limit is yielded whole, so a caller that wants
 * to know whether there were more asks for one key over what it shows.
 */
import type Redis from 'ioredis';

export interface ScanKeysOptions {
  /** Stop after the page that brings the keys yielded to at least this many. */
  limit?: number;
  /** The COUNT hint of each SCAN: how much of the keyspace one call walks. */
  count?: number;
}

/** Keys come back as the pattern was given: strings for a string pattern, bytes for a Buffer. */
export function scanKeys(client: Redis, match: string, options?: ScanKeysOptions): AsyncGenerator<string[]>;
export function scanKeys(client: Redis, match: Buffer, options?: ScanKeysOptions): AsyncGenerator<Buffer[]>;
export async function* scanKeys(
  client: Redis,
  match: string | Buffer,
  { limit = Number.POSITIVE_INFINITY, count = 1000 }: ScanKeysOptions = {},
): AsyncGenerator<string[] | Buffer[]> {
  let cursor = '0';
  let found = 0;
  do {
    const [next, keys] = (await client.callBuffer('scan', cursor, 'MATCH', match, 'COUNT', String(count))) as [
      Buffer,
      Buffer[],
    ];
    cursor = next.toString();
    if (keys.length === 0) continue;
    found += keys.length;
    yield typeof match === 'string' ? keys.map((key) => key.toString()) : keys;
  } while (cursor !== '0' && found < limit);
}
