import 'server-only';
/**
 * A per-learner index of key names, so that the budget, Reset, the key browser, the idle sweep
 * and the emulated KEYS/SCAN/DBSIZE/RANDOMKEY/FLUSH* cost O(this learner's keys), not a SCAN of
 * every key on the shared server (issue 10, M3). It is a SET on the sandbox server
 * (`sandboxKeyIndexKey`, outside `sb:<id>:`, so the learner's ACL user cannot reach it) holding
 * names as the learner types them, as bytes.
 *
 * The index is a superset: every key position of every write that may create a key (command-flags.ts)
 * is added *before* the write is sent
 * (so a write that times out but still runs on the server is never orphaned), which covers
 * RENAME/LMOVE/SMOVE/BLMOVE destinations, BITOP and *STORE destinations alike. Names whose key
 * expired or was deleted are pruned lazily, by whoever next walks the index while the learner is
 * not mid-command (the budget check, the emulated commands). MOVE and COPY are refused by the
 * command table, so no key leaves or enters the namespace any other way.
 */
import type Redis from 'ioredis';
import { getValkey } from '@/lib/valkey/connections';
import { sandboxKeyIndexKey, sandboxKeyPrefix } from '@/lib/valkey/keys';
import { commandFlags, loadedCommandFlags } from './command-flags';
import { sandboxRoleFor, type RespEngine } from './engine-routing';

/** Writes whose keys are parsed, not fixed (command-flags.ts reads fixed-key commands only): XGROUP CREATE … MKSTREAM creates a stream. */
const PARSED_KEY_WRITES = new Set(['xgroup', 'xreadgroup']);
/** How many names one SMEMBERS-free walk (SSCAN) asks for at a time. */
const INDEX_SCAN_COUNT = 1_000;

/** Whether a command may bring a key into being (EXPIRE, LTRIM or DEL never do: nothing to add). */
async function mayCreateKeys(name: string, engine: RespEngine): Promise<boolean> {
  if (PARSED_KEY_WRITES.has(name)) return true;
  return (loadedCommandFlags(engine) ?? (await commandFlags(engine))).mayCreateKeys.has(name);
}

/**
 * Adds a write's key names to the learner's index; call it before (or alongside) sending the
 * write. Never rejects: a failure is logged, and the write itself will most likely fail the same way.
 */
export async function indexKeysOfWrite(
  learnerId: string,
  name: string,
  keys: readonly Buffer[],
  engine: RespEngine = 'valkey',
): Promise<void> {
  if (keys.length === 0) return;
  try {
    if (!(await mayCreateKeys(name, engine))) return;
    const admin = await getValkey(sandboxRoleFor(engine));
    await admin.sadd(sandboxKeyIndexKey(learnerId), ...keys);
  } catch (error) {
    console.error('[sandbox] key index update failed:', error);
  }
}

/** The learner's full key name on the server. */
export function serverKeyName(learnerId: string, name: Buffer): Buffer {
  return Buffer.concat([Buffer.from(sandboxKeyPrefix(learnerId)), name]);
}

/** Every name in the learner's index (some may name keys that expired or were deleted). */
export async function indexedNames(admin: Redis, learnerId: string): Promise<Buffer[]> {
  return admin.smembersBuffer(sandboxKeyIndexKey(learnerId));
}

/**
 * Keeps the names whose key still exists, and (with `prune`) takes the others off the index.
 * Prune only while no write of this learner can be in flight, or a name could be dropped just
 * before its key is written.
 */
export async function existingNames(
  admin: Redis,
  learnerId: string,
  names: readonly Buffer[],
  { prune }: { prune: boolean },
): Promise<Buffer[]> {
  if (names.length === 0) return [];
  const pipeline = admin.pipeline();
  for (const name of names) pipeline.exists(serverKeyName(learnerId, name));
  const results = (await pipeline.exec()) ?? [];
  const live = names.filter((_, index) => results[index]?.[1] === 1);
  if (prune) await pruneNames(admin, learnerId, names, live);
  return live;
}

/** Takes names that were checked and found gone off the index. */
export async function pruneNames(
  admin: Redis,
  learnerId: string,
  checked: readonly Buffer[],
  live: readonly Buffer[],
): Promise<void> {
  if (checked.length === live.length) return;
  const keep = new Set(live.map((name) => name.toString('latin1')));
  const gone = checked.filter((name) => !keep.has(name.toString('latin1')));
  if (gone.length > 0) await admin.srem(sandboxKeyIndexKey(learnerId), ...gone);
}

/**
 * One page of SSCAN over the learner's index: the cursor is the index set's own, so it says
 * nothing about how many keys the rest of the server holds (L1).
 */
export async function scanIndexPage(
  admin: Redis,
  learnerId: string,
  cursor: string,
  match: Buffer,
  count: number,
): Promise<[string, Buffer[]]> {
  const [next, names] = (await admin.callBuffer(
    'SSCAN',
    sandboxKeyIndexKey(learnerId),
    cursor,
    'MATCH',
    match,
    'COUNT',
    String(count),
  )) as [Buffer, Buffer[]];
  return [next.toString(), names];
}

/** Every indexed name matching a glob pattern (SSCAN MATCH), at most `limit` of them. */
export async function matchingNames(admin: Redis, learnerId: string, match: Buffer, limit: number): Promise<Buffer[]> {
  const found: Buffer[] = [];
  let cursor = '0';
  do {
    const [next, names] = await scanIndexPage(admin, learnerId, cursor, match, INDEX_SCAN_COUNT);
    cursor = next;
    found.push(...names);
  } while (cursor !== '0' && found.length < limit);
  return found.slice(0, limit);
}

/**
 * Empties the index and returns what it held, atomically (MULTI: SMEMBERS + DEL), so that a name
 * a concurrent write adds lands in a fresh index instead of being lost.
 */
export async function takeIndex(admin: Redis, learnerId: string): Promise<Buffer[]> {
  const index = sandboxKeyIndexKey(learnerId);
  const results = await admin.multi().smembersBuffer(index).del(index).exec();
  const names = results?.[0]?.[1];
  return Array.isArray(names) ? (names as Buffer[]) : [];
}

/** UNLINKs the named keys of a learner in bounded batches; returns how many existed. */
export async function unlinkNames(admin: Redis, learnerId: string, names: readonly Buffer[]): Promise<number> {
  let deleted = 0;
  for (let i = 0; i < names.length; i += INDEX_SCAN_COUNT) {
    deleted += await admin.unlink(
      ...names.slice(i, i + INDEX_SCAN_COUNT).map((name) => serverKeyName(learnerId, name)),
    );
  }
  return deleted;
}
