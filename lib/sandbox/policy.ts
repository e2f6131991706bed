/**
 * What the sandbox does with a command name: run it (with its keys rewritten), emulate it within
 * the learner's own keys, or refuse it with a reason and, where there is one, what to do instead.
 * Names are matched case-insensitively, as Valkey does.
 */
import { keyLocator, type KeyLocator } from './commands';

export type EmulatedCommand = 'keys' | 'scan' | 'dbsize' | 'flushdb' | 'flushall' | 'randomkey';

export type CommandVerdict =
  | { action: 'run'; keys: KeyLocator }
  | { action: 'emulate'; command: EmulatedCommand }
  | { action: 'refuse'; message: string };

const EMULATED = new Set<EmulatedCommand>(['keys', 'scan', 'dbsize', 'flushdb', 'flushall', 'randomkey']);

const SHARED_SERVER = 'the sandbox is one server shared by every learner';

/** Refusals that deserve their own explanation; each message reads as a Valkey error line. */
const REFUSALS: Readonly<Record<string, string>> = {
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
  eval: `ERR EVAL is disabled in the Keyspace sandbox: this Valkey version has known Lua bugs (CVE-2025-49844 and others) that scripts could trigger.`,
  evalsha: `ERR EVALSHA is disabled in the Keyspace sandbox: this Valkey version has known Lua bugs (CVE-2025-49844 and others) that scripts could trigger.`,
  eval_ro: `ERR EVAL_RO is disabled in the Keyspace sandbox: this Valkey version has known Lua bugs (CVE-2025-49844 and others) that scripts could trigger.`,
  function: `ERR FUNCTION is disabled in the Keyspace sandbox: this Valkey version has known Lua bugs (CVE-2025-49844 and others) that scripts could trigger.`,
  fcall: `ERR FCALL is disabled in the Keyspace sandbox: this Valkey version has known Lua bugs (CVE-2025-49844 and others) that scripts could trigger.`,
  script: `ERR SCRIPT is disabled in the Keyspace sandbox: this Valkey version has known Lua bugs (CVE-2025-49844 and others) that scripts could trigger.`,
  restore: `ERR RESTORE is disabled in the Keyspace sandbox: it loads raw serialized data, which this Valkey version can mishandle (CVE-2026-25243).`,
  dump: `ERR DUMP is disabled in the Keyspace sandbox: its output is only useful to RESTORE, which is disabled.`,
  migrate: `ERR MIGRATE is disabled in the Keyspace sandbox: it sends keys to another server.`,
  wait: `ERR WAIT is disabled in the Keyspace sandbox: the sandbox has no replicas to wait for.`,
  waitaof: `ERR WAITAOF is disabled in the Keyspace sandbox: the sandbox keeps nothing on disk.`,
  sort: `ERR SORT is disabled in the Keyspace sandbox: its BY and GET patterns can read keys outside your space. Sort with a sorted set (ZADD, ZRANGE) instead.`,
  sort_ro: `ERR SORT_RO is disabled in the Keyspace sandbox: its BY and GET patterns can read keys outside your space. Sort with a sorted set (ZADD, ZRANGE) instead.`,
  pubsub: `ERR PUBSUB is disabled in the Keyspace sandbox: it would list other learners' channels.`,
  module: `ERR MODULE is disabled in the Keyspace sandbox: ${SHARED_SERVER}.`,
  sync: `ERR SYNC is disabled in the Keyspace sandbox: ${SHARED_SERVER}.`,
  psync: `ERR PSYNC is disabled in the Keyspace sandbox: ${SHARED_SERVER}.`,
  failover: `ERR FAILOVER is disabled in the Keyspace sandbox: try failover in the cluster lab instead.`,
  cluster: `ERR CLUSTER is disabled in the Keyspace sandbox: it is a single server; try the cluster lab instead.`,
  quit: `ERR QUIT is not needed in the Keyspace sandbox: each command is its own request.`,
  subscribe: `ERR SUBSCRIBE is not available in the Keyspace sandbox: a request/reply console cannot hold a subscription. Try pub/sub with two valkey-cli windows on your own server.`,
  psubscribe: `ERR PSUBSCRIBE is not available in the Keyspace sandbox: a request/reply console cannot hold a subscription.`,
  ssubscribe: `ERR SSUBSCRIBE is not available in the Keyspace sandbox: a request/reply console cannot hold a subscription.`,
};

// Blocking commands whose keys move around (numkeys first): not supported yet.
const BLOCKING = new Set(['blmpop', 'bzmpop']);

export function judgeCommand(rawName: string, args: readonly Buffer[] = []): CommandVerdict {
  const name = rawName.toLowerCase();
  if (EMULATED.has(name as EmulatedCommand)) return { action: 'emulate', command: name as EmulatedCommand };
  const keys = keyLocator(name, args);
  if (keys) return { action: 'run', keys };
  const refusal = Object.hasOwn(REFUSALS, name) ? REFUSALS[name] : undefined;
  if (refusal) return { action: 'refuse', message: refusal };
  const upper = name.toUpperCase();
  if (BLOCKING.has(name)) {
    return { action: 'refuse', message: `ERR ${upper} is not available in the Keyspace sandbox yet: use BLPOP, BRPOP or BZPOPMIN instead.` };
  }
  return {
    action: 'refuse',
    message: `ERR '${rawName}' is not available in the Keyspace sandbox. It runs strings, lists, hashes, sets, sorted sets, bitmaps, HyperLogLogs, geo and basic stream commands.`,
  };
}
