/**
 * Commands that take no key but would see the whole server (KEYS, SCAN, DBSIZE, RANDOMKEY,
 * FLUSHDB, FLUSHALL), run instead over the learner's own namespace only, with their answers
 * shaped as Valkey's would be. The sandbox has one database, so FLUSHALL and FLUSHDB are the same
 * thing there: both delete the learner's own keys and nothing else.
 */
import type Redis from 'ioredis';
import { scanKeys } from '@/lib/valkey/scan-keys';
import type { CliReply } from './reply';
import type { EmulatedCommand } from './policy';
import { stripPrefix } from './rewrite';

/** Upper bound on keys one emulated command returns or touches, so no request walks forever. */
export const EMULATION_KEY_LIMIT = 1_000;
const SCAN_BATCH = 1_000;

const wrongArity = (name: string): CliReply => ({
  type: 'error',
  value: `ERR wrong number of arguments for '${name}' command`,
});
const bulk = (value: Buffer): CliReply => ({ type: 'bulk', value });

async function scanPage(
  client: Redis,
  cursor: string,
  match: Buffer,
  count: number,
  type?: Buffer,
): Promise<[string, Buffer[]]> {
  const args: (string | Buffer)[] = [cursor, 'MATCH', match, 'COUNT', String(count)];
  if (type) args.push('TYPE', type);
  const [next, keys] = (await client.callBuffer('scan', ...args)) as [Buffer, Buffer[]];
  return [next.toString(), keys];
}

/** Every own key matching `pattern`, up to the limit. */
async function ownKeys(client: Redis, prefix: string, pattern: Buffer): Promise<Buffer[]> {
  const match = Buffer.concat([Buffer.from(prefix), pattern]);
  const found: Buffer[] = [];
  for await (const keys of scanKeys(client, match, { limit: EMULATION_KEY_LIMIT, count: SCAN_BATCH }))
    found.push(...keys);
  return found.slice(0, EMULATION_KEY_LIMIT);
}

async function emulateScan(client: Redis, prefix: string, args: Buffer[]): Promise<CliReply> {
  const cursor = args[1]?.toString() ?? '';
  if (!/^\d+$/.test(cursor)) return { type: 'error', value: 'ERR invalid cursor' };
  let pattern: Buffer = Buffer.from('*');
  let count = 10;
  let type: Buffer | undefined;
  for (let i = 2; i < args.length; i += 2) {
    const option = args[i]?.toString().toLowerCase();
    const value = args[i + 1];
    if (!value) return { type: 'error', value: 'ERR syntax error' };
    if (option === 'match') pattern = value;
    else if (option === 'count') {
      count = Number(value.toString());
      if (!Number.isInteger(count) || count < 1)
        return { type: 'error', value: 'ERR value is not an integer or out of range' };
    } else if (option === 'type') type = value;
    else return { type: 'error', value: 'ERR syntax error' };
  }
  const match = Buffer.concat([Buffer.from(prefix), pattern]);
  const [next, keys] = await scanPage(client, cursor, match, Math.min(count, SCAN_BATCH), type);
  return {
    type: 'array',
    value: [bulk(Buffer.from(next)), { type: 'array', value: keys.map((key) => bulk(stripPrefix(key, prefix))) }],
  };
}

/** Longest KEYS/SCAN pattern accepted: long patterns with many `*` make matching slow. */
export const MAX_PATTERN_BYTES = 128;

export async function runEmulated(
  client: Redis,
  command: EmulatedCommand,
  args: Buffer[],
  prefix: string,
): Promise<CliReply> {
  const patternAt =
    command === 'keys'
      ? 1
      : args.findIndex((arg, index) => index > 1 && arg.toString('latin1').toLowerCase() === 'match') + 1;
  if (patternAt > 0 && (args[patternAt]?.length ?? 0) > MAX_PATTERN_BYTES) {
    return { type: 'error', value: `ERR pattern too long for the sandbox: at most ${MAX_PATTERN_BYTES} bytes.` };
  }
  try {
    return await runEmulatedCommand(client, command, args, prefix);
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
  prefix: string,
): Promise<CliReply> {
  switch (command) {
    case 'keys': {
      if (args.length !== 2 || !args[1]) return wrongArity('keys');
      const keys = await ownKeys(client, prefix, args[1]);
      return { type: 'array', value: keys.map((key) => bulk(stripPrefix(key, prefix))) };
    }
    case 'scan':
      if (args.length < 2) return wrongArity('scan');
      return emulateScan(client, prefix, args);
    case 'dbsize': {
      if (args.length !== 1) return wrongArity('dbsize');
      const keys = await ownKeys(client, prefix, Buffer.from('*'));
      return { type: 'integer', value: String(keys.length) };
    }
    case 'randomkey': {
      if (args.length !== 1) return wrongArity('randomkey');
      const keys = await ownKeys(client, prefix, Buffer.from('*'));
      const pick = keys[Math.floor(Math.random() * keys.length)];
      return pick ? bulk(stripPrefix(pick, prefix)) : { type: 'nil' };
    }
    case 'flushdb':
    case 'flushall':
      return flushOwnKeys(client, args, prefix);
  }
}

/** FLUSHDB and FLUSHALL [ASYNC | SYNC]: UNLINK every own key (either mode; UNLINK frees in the background). */
async function flushOwnKeys(client: Redis, args: Buffer[], prefix: string): Promise<CliReply> {
  const mode = args[1]?.toString().toLowerCase();
  if (args.length > 2 || (mode !== undefined && mode !== 'async' && mode !== 'sync'))
    return { type: 'error', value: 'ERR syntax error' };
  let keys: Buffer[];
  do {
    keys = await ownKeys(client, prefix, Buffer.from('*'));
    if (keys.length > 0) await client.unlink(...keys);
  } while (keys.length === EMULATION_KEY_LIMIT);
  return { type: 'status', value: Buffer.from('OK') };
}
