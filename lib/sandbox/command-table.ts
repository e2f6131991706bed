/**
 * Every sandbox command's rules in one table: run (with where its keys are), emulate within the
 * learner's own keys, or refuse (with the message the learner reads). A run rule also says, where
 * they apply, which argument limit it has, whether it blocks (and where its timeout is), whether
 * its reply carries key names, and whether the HyperLogLog guard watches it. The pipeline (policy,
 * argument-limits, rewrite, execute, hyperloglog-guard), the learners' ACL rules (acl.ts) and the
 * console's command reference (command-docs.ts) all read this table: a new command rule is one
 * line here, plus its tests. A lab extends it with `extendCommandTable`, it does not copy it.
 *
 * Key positions are [arity, firstKey, lastKey, step] exactly as `COMMAND INFO` reports them on
 * Valkey 8 (lastKey -1 means "the last argument"); commands.test.ts compares them with the live
 * server. Keys are found by position, never by value: mapping by value lets a learner smuggle a
 * prefix into a non-key argument (docs/reference/sandbox-security.md §3). Movable-key commands run
 * only with a parser that walks their options as the server does (XREAD, XREADGROUP); the others
 * (EVAL, SORT, ZUNIONSTORE, BLMPOP…) are refused. Blocking commands run on the learner's own
 * connection with their timeout capped (argument-limits.ts).
 */
import { keyPositions, streamReaderKeyIndexes, type KeySpec } from './commands';

/** Finds the key arguments of a movable-key command by parsing its options. */
export type KeyParser = (args: readonly Buffer[]) => number[];

/** Where a blocking command's timeout is: its last argument (seconds), or after BLOCK (milliseconds). */
export type BlockingTimeout = 'last-argument-seconds' | 'block-option-milliseconds';

/** Limits on arguments that would make the server allocate far more than a lesson needs (argument-limits.ts). */
export type ArgumentLimit = 'setrange-offset' | 'setbit-offset' | 'bitfield-offsets' | 'random-count';

/** Key names in a reply that must lose the learner's prefix (rewrite.ts). */
export type ReplyKeys = 'first-item' | 'each-stream-name' | 'queued-replies';

export interface RunRule {
  action: 'run';
  /** Fixed key positions, a parser for movable keys, or (for a container) each allowed subcommand's positions. */
  keys: KeySpec | { parse: KeyParser } | { subcommands: Readonly<Record<string, KeySpec>> };
  limit?: ArgumentLimit;
  blocking?: BlockingTimeout;
  replyKeys?: ReplyKeys;
  /** CVE-2025-32023 guard (hyperloglog-guard.ts): `creates` marks its first key as a trusted HyperLogLog. */
  hyperLogLog?: 'reads' | 'creates';
}

export const EMULATED_COMMANDS = ['keys', 'scan', 'dbsize', 'flushdb', 'flushall', 'randomkey'] as const;
export type EmulatedCommand = (typeof EMULATED_COMMANDS)[number];

export type CommandRule =
  | RunRule
  | { action: 'emulate' }
  /** `message` gets the command's name in upper case and returns a Valkey error line. */
  | { action: 'refuse'; message: (name: string) => string };

export type CommandTable = Readonly<Record<string, CommandRule>>;

const run = (keys: RunRule['keys'], more: Omit<RunRule, 'action' | 'keys'> = {}): RunRule => ({
  action: 'run',
  keys,
  ...more,
});
const EMULATE: CommandRule = { action: 'emulate' };
const BLOCKS: Omit<RunRule, 'action' | 'keys'> = { blocking: 'last-argument-seconds', replyKeys: 'first-item' };
const STREAM_READER: Omit<RunRule, 'action' | 'keys'> = {
  blocking: 'block-option-milliseconds',
  replyKeys: 'each-stream-name',
};

// Refusal messages, written once. Each reads as a Valkey error line.
const SANDBOX = 'in the Keyspace sandbox';
const disabled = (why: string): CommandRule => ({
  action: 'refuse',
  message: (name) => `ERR ${name} is disabled ${SANDBOX}: ${why}`,
});
const notAvailable = (why: string): CommandRule => ({
  action: 'refuse',
  message: (name) => `ERR ${name} is not available ${SANDBOX}: ${why}`,
});
const notAvailableYet = (instead: string): CommandRule => ({
  action: 'refuse',
  message: (name) => `ERR ${name} is not available ${SANDBOX} yet: ${instead}`,
});
const notNeeded = (why: string): CommandRule => ({
  action: 'refuse',
  message: (name) => `ERR ${name} is not needed ${SANDBOX}: ${why}`,
});

const SHARED_SERVER = 'the sandbox is one server shared by every learner';
const NO_DISK = 'the sandbox keeps nothing on disk.';
const LUA_BUGS = 'this Valkey version has known Lua bugs (CVE-2025-49844 and others) that scripts could trigger.';
const SORT_PATTERNS =
  'its BY and GET patterns can read keys outside your space. Sort with a sorted set (ZADD, ZRANGE) instead.';
const NO_SUBSCRIPTION = 'a request/reply console cannot hold a subscription.';
// The cluster lab does not exist yet (issue 12); the messages already point to it.
const CLUSTER_LAB = 'the cluster lab';

/** What the sandbox answers to a command that is in none of the rules, as the learner typed it. */
export const unknownCommandMessage = (typed: string): string =>
  `ERR '${typed}' is not available ${SANDBOX}. It runs strings, lists, hashes, sets, sorted sets, bitmaps, HyperLogLogs, geo and basic stream commands.`;

export const SANDBOX_COMMANDS: CommandTable = {
  // Strings
  get: run([2, 1, 1, 1]),
  set: run([-3, 1, 1, 1]),
  setnx: run([3, 1, 1, 1]),
  setex: run([4, 1, 1, 1]),
  psetex: run([4, 1, 1, 1]),
  getset: run([3, 1, 1, 1]),
  getdel: run([2, 1, 1, 1]),
  getex: run([-2, 1, 1, 1]),
  mget: run([-2, 1, -1, 1]),
  mset: run([-3, 1, -1, 2]),
  msetnx: run([-3, 1, -1, 2]),
  append: run([3, 1, 1, 1]),
  strlen: run([2, 1, 1, 1]),
  incr: run([2, 1, 1, 1]),
  incrby: run([3, 1, 1, 1]),
  incrbyfloat: run([3, 1, 1, 1]),
  decr: run([2, 1, 1, 1]),
  decrby: run([3, 1, 1, 1]),
  getrange: run([4, 1, 1, 1]),
  setrange: run([4, 1, 1, 1], { limit: 'setrange-offset' }),
  substr: run([4, 1, 1, 1]),
  lcs: run([-3, 1, 2, 1]),
  // Keys
  del: run([-2, 1, -1, 1]),
  unlink: run([-2, 1, -1, 1]),
  exists: run([-2, 1, -1, 1]),
  type: run([2, 1, 1, 1]),
  ttl: run([2, 1, 1, 1]),
  pttl: run([2, 1, 1, 1]),
  expire: run([-3, 1, 1, 1]),
  pexpire: run([-3, 1, 1, 1]),
  expireat: run([-3, 1, 1, 1]),
  pexpireat: run([-3, 1, 1, 1]),
  expiretime: run([2, 1, 1, 1]),
  pexpiretime: run([2, 1, 1, 1]),
  persist: run([2, 1, 1, 1]),
  rename: run([3, 1, 2, 1]),
  renamenx: run([3, 1, 2, 1]),
  touch: run([-2, 1, -1, 1]),
  // Lists
  lpush: run([-3, 1, 1, 1]),
  rpush: run([-3, 1, 1, 1]),
  lpushx: run([-3, 1, 1, 1]),
  rpushx: run([-3, 1, 1, 1]),
  lpop: run([-2, 1, 1, 1]),
  rpop: run([-2, 1, 1, 1]),
  llen: run([2, 1, 1, 1]),
  lrange: run([4, 1, 1, 1]),
  lindex: run([3, 1, 1, 1]),
  lset: run([4, 1, 1, 1]),
  lrem: run([4, 1, 1, 1]),
  ltrim: run([4, 1, 1, 1]),
  linsert: run([5, 1, 1, 1]),
  lpos: run([-3, 1, 1, 1]),
  lmove: run([5, 1, 2, 1]),
  rpoplpush: run([3, 1, 2, 1]),
  // Hashes
  hset: run([-4, 1, 1, 1]),
  hsetnx: run([4, 1, 1, 1]),
  hget: run([3, 1, 1, 1]),
  hmget: run([-3, 1, 1, 1]),
  hmset: run([-4, 1, 1, 1]),
  hdel: run([-3, 1, 1, 1]),
  hlen: run([2, 1, 1, 1]),
  hexists: run([3, 1, 1, 1]),
  hkeys: run([2, 1, 1, 1]),
  hvals: run([2, 1, 1, 1]),
  hgetall: run([2, 1, 1, 1]),
  hincrby: run([4, 1, 1, 1]),
  hincrbyfloat: run([4, 1, 1, 1]),
  hstrlen: run([3, 1, 1, 1]),
  hrandfield: run([-2, 1, 1, 1], { limit: 'random-count' }),
  hscan: run([-3, 1, 1, 1]),
  // Sets
  sadd: run([-3, 1, 1, 1]),
  srem: run([-3, 1, 1, 1]),
  smembers: run([2, 1, 1, 1]),
  sismember: run([3, 1, 1, 1]),
  smismember: run([-3, 1, 1, 1]),
  scard: run([2, 1, 1, 1]),
  spop: run([-2, 1, 1, 1]),
  srandmember: run([-2, 1, 1, 1], { limit: 'random-count' }),
  smove: run([4, 1, 2, 1]),
  sinter: run([-2, 1, -1, 1]),
  sunion: run([-2, 1, -1, 1]),
  sdiff: run([-2, 1, -1, 1]),
  sinterstore: run([-3, 1, -1, 1]),
  sunionstore: run([-3, 1, -1, 1]),
  sdiffstore: run([-3, 1, -1, 1]),
  sscan: run([-3, 1, 1, 1]),
  // Sorted sets
  zadd: run([-4, 1, 1, 1]),
  zrem: run([-3, 1, 1, 1]),
  zscore: run([3, 1, 1, 1]),
  zmscore: run([-3, 1, 1, 1]),
  zincrby: run([4, 1, 1, 1]),
  zcard: run([2, 1, 1, 1]),
  zcount: run([4, 1, 1, 1]),
  zrank: run([-3, 1, 1, 1]),
  zrevrank: run([-3, 1, 1, 1]),
  zrange: run([-4, 1, 1, 1]),
  zrangestore: run([-5, 1, 2, 1]),
  zrevrange: run([-4, 1, 1, 1]),
  zrangebyscore: run([-4, 1, 1, 1]),
  zrevrangebyscore: run([-4, 1, 1, 1]),
  zrangebylex: run([-4, 1, 1, 1]),
  zrevrangebylex: run([-4, 1, 1, 1]),
  zlexcount: run([4, 1, 1, 1]),
  zremrangebyrank: run([4, 1, 1, 1]),
  zremrangebyscore: run([4, 1, 1, 1]),
  zremrangebylex: run([4, 1, 1, 1]),
  zpopmin: run([-2, 1, 1, 1]),
  zpopmax: run([-2, 1, 1, 1]),
  zrandmember: run([-2, 1, 1, 1], { limit: 'random-count' }),
  zscan: run([-3, 1, 1, 1]),
  // Bitmaps, HyperLogLogs, geo
  setbit: run([4, 1, 1, 1], { limit: 'setbit-offset' }),
  getbit: run([3, 1, 1, 1]),
  bitcount: run([-2, 1, 1, 1]),
  bitpos: run([-3, 1, 1, 1]),
  bitop: run([-4, 2, -1, 1]),
  bitfield: run([-2, 1, 1, 1], { limit: 'bitfield-offsets' }),
  bitfield_ro: run([-2, 1, 1, 1]),
  pfadd: run([-2, 1, 1, 1], { hyperLogLog: 'creates' }),
  pfcount: run([-2, 1, -1, 1], { hyperLogLog: 'reads' }),
  pfmerge: run([-2, 1, -1, 1], { hyperLogLog: 'creates' }),
  geoadd: run([-5, 1, 1, 1]),
  geopos: run([-2, 1, 1, 1]),
  geodist: run([-4, 1, 1, 1]),
  geohash: run([-2, 1, 1, 1]),
  geosearch: run([-7, 1, 1, 1]),
  geosearchstore: run([-8, 1, 2, 1]),
  // Streams
  xadd: run([-5, 1, 1, 1]),
  xlen: run([2, 1, 1, 1]),
  xrange: run([-4, 1, 1, 1]),
  xrevrange: run([-4, 1, 1, 1]),
  xdel: run([-3, 1, 1, 1]),
  xtrim: run([-4, 1, 1, 1]),
  xpending: run([-3, 1, 1, 1]),
  xack: run([-4, 1, 1, 1]),
  xclaim: run([-6, 1, 1, 1]),
  xautoclaim: run([-6, 1, 1, 1]),
  xread: run({ parse: (args) => streamReaderKeyIndexes('xread', args) }, STREAM_READER),
  xreadgroup: run({ parse: (args) => streamReaderKeyIndexes('xreadgroup', args) }, STREAM_READER),
  // Container commands: key positions counted from the command name; an unknown subcommand goes
  // to the server untouched, which answers "unknown subcommand".
  xgroup: run({
    subcommands: {
      create: [-5, 2, 2, 1],
      destroy: [4, 2, 2, 1],
      createconsumer: [5, 2, 2, 1],
      delconsumer: [5, 2, 2, 1],
      setid: [-5, 2, 2, 1],
      help: [2, 0, 0, 0],
    },
  }),
  xinfo: run({
    subcommands: { stream: [-3, 2, 2, 1], groups: [3, 2, 2, 1], consumers: [4, 2, 2, 1], help: [2, 0, 0, 0] },
  }),
  // Connection and transactions
  ping: run([-1, 0, 0, 0]),
  multi: run([1, 0, 0, 0]),
  exec: run([1, 0, 0, 0], { replyKeys: 'queued-replies' }),
  discard: run([1, 0, 0, 0]),
  watch: run([-2, 1, -1, 1]),
  unwatch: run([1, 0, 0, 0]),
  // Blocking
  blpop: run([-3, 1, -2, 1], BLOCKS),
  brpop: run([-3, 1, -2, 1], BLOCKS),
  blmove: run([6, 1, 2, 1], { blocking: 'last-argument-seconds' }),
  brpoplpush: run([4, 1, 2, 1], { blocking: 'last-argument-seconds' }),
  bzpopmin: run([-3, 1, -2, 1], BLOCKS),
  bzpopmax: run([-3, 1, -2, 1], BLOCKS),
  // Server
  echo: run([2, 0, 0, 0]),
  time: run([1, 0, 0, 0]),
  // Blocking commands whose keys move around (numkeys first): not supported yet.
  blmpop: notAvailableYet('use BLPOP, BRPOP or BZPOPMIN instead.'),
  bzmpop: notAvailableYet('use BLPOP, BRPOP or BZPOPMIN instead.'),

  // Emulated over the learner's own keys (emulate.ts): as typed, they would see the whole server.
  keys: EMULATE,
  scan: EMULATE,
  dbsize: EMULATE,
  flushdb: EMULATE,
  flushall: EMULATE,
  randomkey: EMULATE,

  // Refused, with their own explanation.
  config: disabled(`${SHARED_SERVER}. On ElastiCache you change settings through parameter groups.`),
  debug: disabled('it can stall or crash the server for everyone.'),
  shutdown: disabled(`${SHARED_SERVER}.`),
  auth: disabled('you are already signed in to your own space.'),
  hello: disabled('it would change the protocol of a shared connection.'),
  reset: disabled('it would reset a shared connection.'),
  select: disabled('it has a single database (and ElastiCache in cluster mode only has DB 0).'),
  swapdb: disabled(`${SHARED_SERVER}.`),
  move: disabled('it has a single database.'),
  monitor: disabled("it would show other learners' commands."),
  client: disabled(`${SHARED_SERVER}.`),
  acl: disabled(`${SHARED_SERVER}.`),
  save: disabled(NO_DISK),
  bgsave: disabled(NO_DISK),
  bgrewriteaof: disabled(NO_DISK),
  replicaof: disabled(`try replication in ${CLUSTER_LAB} instead.`),
  slaveof: disabled(`try replication in ${CLUSTER_LAB} instead.`),
  eval: disabled(LUA_BUGS),
  evalsha: disabled(LUA_BUGS),
  eval_ro: disabled(LUA_BUGS),
  function: disabled(LUA_BUGS),
  fcall: disabled(LUA_BUGS),
  script: disabled(LUA_BUGS),
  restore: disabled('it loads raw serialized data, which this Valkey version can mishandle (CVE-2026-25243).'),
  dump: disabled('its output is only useful to RESTORE, which is disabled.'),
  migrate: disabled('it sends keys to another server.'),
  wait: disabled('the sandbox has no replicas to wait for.'),
  waitaof: disabled(NO_DISK),
  sort: disabled(SORT_PATTERNS),
  sort_ro: disabled(SORT_PATTERNS),
  pubsub: disabled("it would list other learners' channels."),
  module: disabled(`${SHARED_SERVER}.`),
  sync: disabled(`${SHARED_SERVER}.`),
  psync: disabled(`${SHARED_SERVER}.`),
  failover: disabled(`try failover in ${CLUSTER_LAB} instead.`),
  cluster: disabled(`it is a single server; try ${CLUSTER_LAB} instead.`),
  quit: notNeeded('each command is its own request.'),
  subscribe: notAvailable(`${NO_SUBSCRIPTION} Try pub/sub with two valkey-cli windows on your own server.`),
  psubscribe: notAvailable(NO_SUBSCRIPTION),
  ssubscribe: notAvailable(NO_SUBSCRIPTION),
};

/**
 * A lab's table: the base rules with some added, changed or (with `undefined`) taken out, so a
 * lab states only what differs from the sandbox.
 */
export function extendCommandTable(
  base: CommandTable,
  overrides: Readonly<Record<string, CommandRule | undefined>>,
): CommandTable {
  const table: Record<string, CommandRule> = { ...base };
  for (const [name, rule] of Object.entries(overrides)) {
    if (rule) table[name] = rule;
    else delete table[name];
  }
  return Object.freeze(table);
}

/** The rule for a command name (lower case), if the table has one; never an inherited property. */
export function commandRule(name: string, table: CommandTable = SANDBOX_COMMANDS): CommandRule | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

/** The run rule for a command name (lower case), or undefined when the command does not run as typed. */
export function runRule(name: string, table: CommandTable = SANDBOX_COMMANDS): RunRule | undefined {
  const rule = commandRule(name, table);
  return rule?.action === 'run' ? rule : undefined;
}

/** The commands that run with fixed key positions, with those positions (what COMMAND INFO reports). */
export function fixedKeyCommands(table: CommandTable = SANDBOX_COMMANDS): [name: string, spec: KeySpec][] {
  return Object.entries(table).flatMap(([name, rule]) =>
    rule.action === 'run' && Array.isArray(rule.keys) ? [[name, rule.keys as KeySpec]] : [],
  );
}

/** Where the keys are in a command line that a run rule allows (argv[0] is the command name). */
export function keyLocator(rule: RunRule, args: readonly Buffer[]): KeyParser {
  const { keys } = rule;
  if ('parse' in keys) return keys.parse;
  if ('subcommands' in keys) {
    const sub = args[1]?.toString('latin1').toLowerCase() ?? '';
    const spec = Object.hasOwn(keys.subcommands, sub) ? keys.subcommands[sub] : undefined;
    return (line) => (spec ? keyPositions(spec, line.length) : []);
  }
  const spec = keys as KeySpec;
  return (line) => keyPositions(spec, line.length);
}

/** Every ACL rule that allows exactly the commands the table runs (acl.ts). */
export function allowedCommandRules(table: CommandTable = SANDBOX_COMMANDS): string[] {
  return Object.entries(table).flatMap(([name, rule]) => {
    if (rule.action !== 'run') return [];
    if ('subcommands' in rule.keys) return Object.keys(rule.keys.subcommands).map((sub) => `+${name}|${sub}`);
    return [`+${name}`];
  });
}
