/**
 * Commands that take no key but would see the whole server (KEYS, SCAN, DBSIZE, RANDOMKEY,
 * FLUSHDB, FLUSHALL), run instead over the learner's own key index (key-index.ts), with their
 * answers shaped as Valkey's would be: they cost O(this learner's keys), and SCAN's cursor is the
 * index's own, not the server's (which would tell how many keys everyone holds). The sandbox has
 * one database, so FLUSHALL and FLUSHDB are the same thing there: both delete the learner's own
 * keys and nothing else. INFO and WAIT are emulated too (introspection.ts). Emulated commands run only outside MULTI and while the learner has no
 * other command in flight, so they may prune index names whose key is gone.
 */
import type Redis from 'ioredis';
import type { CliReply } from './reply';
import type { EmulatedCommand } from './policy';
import {
  existingNames,
  indexedNames,
  matchingNames,
  pruneNames,
  scanIndexPage,
  serverKeyName,
  takeIndex,
  unlinkNames,
} from './key-index';
import { forgetMeasuredUsage } from './budget';
import type { RespEngine } from './engine-routing';
import { emulateInfo, emulateWait } from './introspection';

/** Upper bound on keys one emulated command returns, so no reply grows without bound. */
export const EMULATION_KEY_LIMIT = 1_000;
const SCAN_BATCH = 1_000;
/** The types SCAN … TYPE knows (Valkey answers "unknown type name" for others). */
const KEY_TYPES = new Set(['string', 'list', 'set', 'zset', 'hash', 'stream']);

const wrongArity = (name: string): CliReply => ({
  type: 'error',
  value: `ERR wrong number of arguments for '${name}' command`,
});
const bulk = (value: Buffer): CliReply => ({ type: 'bulk', value });

/** Own keys matching `pattern` that still exist, up to the limit (stale index names are pruned). */
async function ownKeys(client: Redis, learnerId: string, pattern: Buffer): Promise<Buffer[]> {
  const names = await matchingNames(client, learnerId, pattern, Number.POSITIVE_INFINITY);
  const live = await existingNames(client, learnerId, names, { prune: true });
  return live.slice(0, EMULATION_KEY_LIMIT);
}

/** Keeps the names whose key exists (and, with a TYPE filter, has that type); prunes the rest. */
async function liveOfType(client: Redis, learnerId: string, names: Buffer[], type?: string): Promise<Buffer[]> {
  if (type === undefined) return existingNames(client, learnerId, names, { prune: true });
  const pipeline = client.pipeline();
  for (const name of names) pipeline.type(serverKeyName(learnerId, name));
  const types = ((await pipeline.exec()) ?? []).map(([, value]) => String(value));
  await pruneNames(
    client,
    learnerId,
    names,
    names.filter((_, index) => types[index] !== 'none'),
  );
  return names.filter((_, index) => types[index] === type);
}

async function emulateScan(client: Redis, learnerId: string, args: Buffer[]): Promise<CliReply> {
  const cursor = args[1]?.toString() ?? '';
  if (!/^\d+$/.test(cursor)) return { type: 'error', value: 'ERR invalid cursor' };
  let pattern: Buffer = Buffer.from('*');
  let count = 10;
  let type: string | undefined;
  for (let i = 2; i < args.length; i += 2) {
    const option = args[i]?.toString().toLowerCase();
    const value = args[i + 1];
    if (!value) return { type: 'error', value: 'ERR syntax error' };
    if (option === 'match') pattern = value;
    else if (option === 'count') {
      count = Number(value.toString());
      if (!Number.isInteger(count) || count < 1)
        return { type: 'error', value: 'ERR value is not an integer or out of range' };
    } else if (option === 'type') {
      type = value.toString('latin1').toLowerCase();
      if (!KEY_TYPES.has(type)) return { type: 'error', value: `ERR unknown type name '${value.toString()}'` };
    } else return { type: 'error', value: 'ERR syntax error' };
  }
  const [next, names] = await scanIndexPage(client, learnerId, cursor, pattern, Math.min(count, SCAN_BATCH));
  const keys = await liveOfType(client, learnerId, names, type);
  return { type: 'array', value: [bulk(Buffer.from(next)), { type: 'array', value: keys.map(bulk) }] };
}

/** Longest KEYS/SCAN pattern accepted: long patterns with many `*` make matching slow. */

/** `client` is the admin client of the engine's server; `engine` names it (the budget is per engine). */
export async function runEmulated(
  client: Redis,
  command: EmulatedCommand,
  args: Buffer[],
  learnerId: string,
  engine: RespEngine = 'valkey',
): Promise<CliReply> {
  // Patterns were checked with the other arguments (name-limits.ts): every MATCH, not just the first.
  try {
    return await runEmulatedCommand(client, command, args, learnerId, engine);
  } catch (error) {
    // Valkey's own verdict on the arguments (bad cursor, unknown TYPE…) is the learner's answer.
    if (error instanceof Error && error.name === 'ReplyError') return { type: 'error', value: error.message };
    throw error;
  }
}

async function runEmulatedCommand(
  client: Redis,
  command: EmulatedCommand,
  args: Buffer[],
  learnerId: string,
  engine: RespEngine,
): Promise<CliReply> {
  switch (command) {
    case 'keys': {
      if (args.length !== 2 || !args[1]) return wrongArity('keys');
      const keys = await ownKeys(client, learnerId, args[1]);
      return { type: 'array', value: keys.map(bulk) };
    }
    case 'scan':
      if (args.length < 2) return wrongArity('scan');
      return emulateScan(client, learnerId, args);
    case 'dbsize': {
      if (args.length !== 1) return wrongArity('dbsize');
      const names = await indexedNames(client, learnerId);
      const live = await existingNames(client, learnerId, names, { prune: true });
      return { type: 'integer', value: String(live.length) };
    }
    case 'randomkey': {
      if (args.length !== 1) return wrongArity('randomkey');
      const names = await indexedNames(client, learnerId);
      const live = await existingNames(client, learnerId, names, { prune: true });
      const pick = live[Math.floor(Math.random() * live.length)];
      return pick ? bulk(pick) : { type: 'nil' };
    }
    case 'flushdb':
    case 'flushall':
      return flushOwnKeys(client, args, learnerId, engine);
    case 'info':
      return emulateInfo(client, args, learnerId);
    case 'wait':
      return emulateWait(args);
  }
}

/** FLUSHDB and FLUSHALL [ASYNC | SYNC]: UNLINK every own key (either mode; UNLINK frees in the background). */
async function flushOwnKeys(client: Redis, args: Buffer[], learnerId: string, engine: RespEngine): Promise<CliReply> {
  const mode = args[1]?.toString().toLowerCase();
  if (args.length > 2 || (mode !== undefined && mode !== 'async' && mode !== 'sync'))
    return { type: 'error', value: 'ERR syntax error' };
  await unlinkNames(client, learnerId, await takeIndex(client, learnerId));
  forgetMeasuredUsage(learnerId, engine);
  return { type: 'status', value: Buffer.from('OK') };
}
