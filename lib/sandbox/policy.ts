/**
 * What the sandbox does with a command name: run it (with its keys rewritten), emulate it within
 * the learner's own keys, or refuse it with a reason and, where there is one, what to do instead.
 * Names are matched case-insensitively, as Valkey does.
 */
import { commandSpec, type KeySpec } from './commands';

export type EmulatedCommand = 'keys' | 'scan' | 'dbsize' | 'flushdb';

export type CommandVerdict =
  | { action: 'run'; spec: KeySpec }
  | { action: 'emulate'; command: EmulatedCommand }
  | { action: 'refuse'; message: string };

const EMULATED = new Set<EmulatedCommand>(['keys', 'scan', 'dbsize', 'flushdb']);

const SHARED_SERVER = 'the sandbox is one server shared by every learner';

/** Refusals that deserve their own explanation; each message reads as a Valkey error line. */
const REFUSALS: Readonly<Record<string, string>> = {
  flushall: `ERR FLUSHALL is disabled in the Keyspace sandbox: ${SHARED_SERVER}. Use FLUSHDB to delete only your own keys.`,
  config: `ERR CONFIG is disabled in the Keyspace sandbox: ${SHARED_SERVER}. On ElastiCache you change settings through parameter groups.`,
  debug: `ERR DEBUG is disabled in the Keyspace sandbox: it can stall or crash the server for everyone.`,
  shutdown: `ERR SHUTDOWN is disabled in the Keyspace sandbox: ${SHARED_SERVER}.`,
  auth: `ERR AUTH is disabled in the Keyspace sandbox: you are already signed in to your own space.`,
  hello: `ERR HELLO is disabled in the Keyspace sandbox: it would change the protocol of a shared connection.`,
  reset: `ERR RESET is disabled in the Keyspace sandbox: it would reset a shared connection.`,
  select: `ERR SELECT is disabled in the Keyspace sandbox: it has a single database (and ElastiCache in cluster mode only has DB 0).`,
  swapdb: `ERR SWAPDB is disabled in the Keyspace sandbox: ${SHARED_SERVER}.`,
  move: `ERR MOVE is disabled in the Keyspace sandbox: it has a single database.`,
  monitor: `ERR MONITOR is disabled in the Keyspace sandbox: it would show other learners' commands.`,
  client: `ERR CLIENT is disabled in the Keyspace sandbox: ${SHARED_SERVER}.`,
  acl: `ERR ACL is disabled in the Keyspace sandbox: ${SHARED_SERVER}.`,
  save: `ERR SAVE is disabled in the Keyspace sandbox: the sandbox keeps nothing on disk.`,
  bgsave: `ERR BGSAVE is disabled in the Keyspace sandbox: the sandbox keeps nothing on disk.`,
  bgrewriteaof: `ERR BGREWRITEAOF is disabled in the Keyspace sandbox: the sandbox keeps nothing on disk.`,
  replicaof: `ERR REPLICAOF is disabled in the Keyspace sandbox: try replication in the cluster lab instead.`,
  slaveof: `ERR SLAVEOF is disabled in the Keyspace sandbox: try replication in the cluster lab instead.`,
  randomkey: `ERR RANDOMKEY is not available in the Keyspace sandbox yet. Use KEYS * to list your keys.`,
  multi: `ERR MULTI is not available in the Keyspace sandbox yet: transactions need the full sandbox.`,
  exec: `ERR EXEC without MULTI`,
  eval: `ERR EVAL is not available in the Keyspace sandbox yet: scripts need the full sandbox.`,
  evalsha: `ERR EVALSHA is not available in the Keyspace sandbox yet: scripts need the full sandbox.`,
  subscribe: `ERR SUBSCRIBE is not available in the Keyspace sandbox yet: a request/reply console cannot hold a subscription.`,
  psubscribe: `ERR PSUBSCRIBE is not available in the Keyspace sandbox yet: a request/reply console cannot hold a subscription.`,
};

const BLOCKING = new Set(['blpop', 'brpop', 'blmove', 'blmpop', 'brpoplpush', 'bzpopmin', 'bzpopmax', 'bzmpop', 'wait', 'waitaof']);

export function judgeCommand(rawName: string): CommandVerdict {
  const name = rawName.toLowerCase();
  if (EMULATED.has(name as EmulatedCommand)) return { action: 'emulate', command: name as EmulatedCommand };
  const spec = commandSpec(name);
  if (spec) return { action: 'run', spec };
  const refusal = Object.hasOwn(REFUSALS, name) ? REFUSALS[name] : undefined;
  if (refusal) return { action: 'refuse', message: refusal };
  const upper = name.toUpperCase();
  if (BLOCKING.has(name)) {
    return { action: 'refuse', message: `ERR ${upper} is not available in the Keyspace sandbox yet: blocking commands would hold a shared connection.` };
  }
  return {
    action: 'refuse',
    message: `ERR '${rawName}' is not available in the Keyspace sandbox. It runs strings, lists, hashes, sets, sorted sets, bitmaps, HyperLogLogs, geo and basic stream commands.`,
  };
}
