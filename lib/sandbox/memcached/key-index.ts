import 'server-only';
/**
 * The learner's Memcached keys, as they name them, with the bytes of each value: a HASH in the app's
 * Valkey (memcachedKeyIndexKey). memcached cannot list keys (its own ways, `stats cachedump` and
 * `lru_crawler metadump`, would show every learner's, so they are refused), so this index is how
 * the budget, Reset, the key browser, flush_all, stats and the idle sweep find a learner's keys.
 *
 * It is a superset: a storing command's key is added before the command is sent (a write that times
 * out may still land) and settled after its reply; keys that expired or were evicted are pruned by
 * whoever next walks the index with `mg <key> s t` (liveKeys).
 */
import { getValkey } from '@/lib/valkey/connections';
import { memcachedFlushAtKey, memcachedKeyIndexKey } from '@/lib/valkey/keys';
import { memcachedRequests } from './connection';
import { mapKey } from './key-mapping';

/** HGETALL's flat reply as [name, recorded bytes] pairs, names kept as bytes. */
function pairs(flat: unknown): [Buffer, number][] {
  const items = Array.isArray(flat) ? (flat as Buffer[]) : [];
  const result: [Buffer, number][] = [];
  for (let i = 0; i + 1 < items.length; i += 2) result.push([items[i] as Buffer, Number(String(items[i + 1]))]);
  return result;
}

async function indexEntries(learnerId: string): Promise<[Buffer, number][]> {
  const app = await getValkey('app');
  return pairs(await app.callBuffer('HGETALL', memcachedKeyIndexKey(learnerId)));
}

/** Indexed names (binary-safe, as latin1 strings) → recorded value bytes. */
export async function indexedSizes(learnerId: string): Promise<Map<string, number>> {
  return new Map((await indexEntries(learnerId)).map(([name, bytes]) => [indexName(name), bytes]));
}

export const indexName = (key: Buffer): string => key.toString('latin1');

export async function recordSize(learnerId: string, key: Buffer, bytes: number): Promise<void> {
  await (await getValkey('app')).hset(memcachedKeyIndexKey(learnerId), key, String(bytes));
}

export async function forgetKeys(learnerId: string, keys: readonly Buffer[]): Promise<void> {
  if (keys.length === 0) return;
  await (await getValkey('app')).hdel(memcachedKeyIndexKey(learnerId), ...keys);
}

/**
 * Empties the index and returns the names it held, atomically (so a concurrent add lands in a fresh
 * one), and drops a pending `flush_all <delay>` with it: the keys it would flush are going now.
 */
export async function takeIndex(learnerId: string): Promise<Buffer[]> {
  const app = await getValkey('app');
  const index = memcachedKeyIndexKey(learnerId);
  const results = await app.multi().callBuffer('HGETALL', index).del(index, memcachedFlushAtKey(learnerId)).exec();
  return pairs(results?.[0]?.[1]).map(([name]) => name);
}

/** One of the learner's keys that memcached still holds. */
export interface LiveKey {
  name: Buffer;
  bytes: number;
  /** Seconds left, or -1 when it never expires. */
  ttl: number;
}

/**
 * Asks memcached which indexed keys still exist (meta get with the size and TTL flags, which
 * neither bumps them in the LRU nor reads their values), corrects the recorded sizes, and with
 * `prune` takes the gone ones off the index. Prune only while no write of this learner is in flight.
 */
export async function liveKeys(learnerId: string, { prune }: { prune: boolean }): Promise<LiveKey[]> {
  const app = await getValkey('app');
  const index = memcachedKeyIndexKey(learnerId);
  const names = (await indexEntries(learnerId)).map(([name]) => name);
  const replies = await memcachedRequests(
    names.map((name) => Buffer.concat([Buffer.from('mg '), mapKey(learnerId, name), Buffer.from(' s t\r\n')])),
    'line',
  );
  const live: LiveKey[] = [];
  const gone: Buffer[] = [];
  replies.forEach((reply, position) => {
    const name = names[position] as Buffer;
    const size = /(?:^| )s(\d+)/.exec(reply.lastLine);
    const ttl = /(?:^| )t(-?\d+)/.exec(reply.lastLine);
    if (reply.lastLine.startsWith('HD') && size && ttl)
      live.push({ name, bytes: Number(size[1]), ttl: Number(ttl[1]) });
    else if (reply.lastLine === 'EN') gone.push(name);
  });
  if (prune && (gone.length > 0 || live.length > 0)) {
    const pipeline = app.pipeline();
    if (gone.length > 0) pipeline.hdel(index, ...gone);
    for (const key of live) pipeline.hset(index, key.name, String(key.bytes));
    await pipeline.exec();
  }
  return live;
}
