/**
 * Every sandbox command's rules in one table: run (with where its keys are), emulate within the
 * learner's own keys, or refuse (with the message the learner reads). A run rule also says, where
 * they apply, which argument limit it has, where its MATCH/COUNT options and stored names are
 * (name-limits.ts), what work it does (measured before it runs, work-limits.ts), whether MULTI may
 * queue it, whether it blocks (and where its timeout is), whether its reply carries key names, and
 * whether the HyperLogLog guard watches it. The pipeline (policy, argument-limits, name-limits,
 * work-limits, rewrite, execute, hyperloglog-guard), the learners' ACL rules (acl.ts) and the
 * console's command reference (command-docs.ts) all read this table: a new command rule is one
 * line here, plus its tests. A lab extends it with `extendCommandTable`, it does not copy it.
 *
 * Key positions are [arity, firstKey, lastKey, step] exactly as `COMMAND INFO` reports them on
 * Valkey 8 (lastKey -1 means "the last argument"); commands.test.ts compares them with the live
 * server. Keys are found by position, never by value: mapping by value lets a learner smuggle a
 * prefix into a non-key argument (docs/reference/sandbox-security.md §3). Movable-key commands run
 * only with a parser that walks their options as the server does (XREAD, numkeys forms, COPY,
 * GEORADIUS, SORT with its BY/GET patterns; commands.test.ts checks them against COMMAND GETKEYS);
 * EVAL & co. are refused. Blocking commands run on the learner's own
 * connection with their timeout capped (argument-limits.ts).
 *
 * The rules' types are in command-rules.ts, the rule makers, shared option sets and refusal
 * messages in command-rule-builders.ts, and Valkey's unknown-command line in unknown-command.ts.
 */
import {
  copyKeyIndexes,
  geoRadiusKeyIndexes,
  keyPositions,
  sortKeyIndexes,
  streamReaderKeyIndexes,
  type KeySpec,
} from './commands';
import {
  run,
  EMULATE,
  SET_ALGEBRA,
  SET_ALGEBRA_STORE,
  WHOLE,
  numkeys,
  Z_ALGEBRA,
  Z_ALGEBRA_STORE,
  GEO_RADIUS,
  SORT_RULE,
  BLOCKS_FIRST,
  BLOCKS,
  STREAM_READER,
  disabled,
  notNeeded,
  SHARED_SERVER,
  SHARED_SERVER_NAME,
  NO_DISK,
  LUA_BUGS,
  LIVE,
  SUBSCRIPTION_BOUNDS,
  CLUSTER_LAB,
} from './command-rule-builders';
import { type KeyParser, type RunRule, type CommandRule, type CommandTable } from './command-rules';

export * from './command-rules';
export { unknownCommandMessage } from './unknown-command';

/**
 * Valkey 8 commands that no rule below names: refused, each with its reason, so that every command
 * the server has is either run, emulated or refused on purpose, and a name outside the table is
 * one the server does not know (command-table.test.ts checks this against COMMAND LIST). Rules in
 * SANDBOX_COMMANDS override these.
 */
const OTHER_SERVER_COMMANDS: CommandTable = {
  command: notNeeded('the Commands reference beside the console lists what runs here, with its docs.'),
  evalsha_ro: disabled(LUA_BUGS),
  fcall_ro: disabled(LUA_BUGS),
  pfdebug: disabled('it reads and rewrites HyperLogLog internals, which this Valkey version can mishandle.'),
  pfselftest: disabled('it is a test of the server itself that stalls it for everyone.'),
  'restore-asking': disabled('it loads raw serialized data, which this Valkey version can mishandle (CVE-2026-25243).'),
  lastsave: disabled(NO_DISK),
  latency: disabled(`its figures are about every learner's commands on this ${SHARED_SERVER_NAME}.`),
  slowlog: disabled("it would show other learners' commands."),
  lolwut: notNeeded('it draws art, nothing about your data.'),
  role: disabled(`try replication in ${CLUSTER_LAB} instead.`),
  replconf: disabled(`${SHARED_SERVER}.`),
  asking: disabled(`it is a single server; try ${CLUSTER_LAB} instead.`),
  readonly: disabled(`it is a single server; try ${CLUSTER_LAB} instead.`),
  readwrite: disabled(`it is a single server; try ${CLUSTER_LAB} instead.`),
};

export const SANDBOX_COMMANDS: CommandTable = {
  ...OTHER_SERVER_COMMANDS,
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
  lcs: run([-3, 1, 2, 1], { work: { measure: 'strlen', combine: 'product' }, notInTransaction: true }),
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
  rename: run([3, 1, 2, 1], { notInTransaction: true }),
  renamenx: run([3, 1, 2, 1], { notInTransaction: true }),
  touch: run([-2, 1, -1, 1]),
  // Lists
  lpush: run([-3, 1, 1, 1]),
  rpush: run([-3, 1, 1, 1]),
  lpushx: run([-3, 1, 1, 1]),
  rpushx: run([-3, 1, 1, 1]),
  lpop: run([-2, 1, 1, 1], { limit: 'random-count' }),
  rpop: run([-2, 1, 1, 1], { limit: 'random-count' }),
  llen: run([2, 1, 1, 1]),
  lrange: run([4, 1, 1, 1], WHOLE('llen', 'index')),
  lindex: run([3, 1, 1, 1]),
  lset: run([4, 1, 1, 1]),
  lrem: run([4, 1, 1, 1], WHOLE('llen')),
  ltrim: run([4, 1, 1, 1]),
  linsert: run([5, 1, 1, 1], WHOLE('llen')),
  lpos: run([-3, 1, 1, 1], WHOLE('llen')),
  lmove: run([5, 1, 2, 1]),
  rpoplpush: run([3, 1, 2, 1]),
  // Hashes
  hset: run([-4, 1, 1, 1], { storedNames: 'field-value-pairs' }),
  hsetnx: run([4, 1, 1, 1], { storedNames: 'field' }),
  hget: run([3, 1, 1, 1]),
  hmget: run([-3, 1, 1, 1]),
  hmset: run([-4, 1, 1, 1], { storedNames: 'field-value-pairs' }),
  hdel: run([-3, 1, 1, 1]),
  hlen: run([2, 1, 1, 1]),
  hexists: run([3, 1, 1, 1]),
  hkeys: run([2, 1, 1, 1], WHOLE('hlen')),
  hvals: run([2, 1, 1, 1], WHOLE('hlen')),
  hgetall: run([2, 1, 1, 1], WHOLE('hlen')),
  hincrby: run([4, 1, 1, 1], { storedNames: 'field' }),
  hincrbyfloat: run([4, 1, 1, 1], { storedNames: 'field' }),
  hstrlen: run([3, 1, 1, 1]),
  hrandfield: run([-2, 1, 1, 1], { limit: 'random-count' }),
  hscan: run([-3, 1, 1, 1], { scanOptions: 'options-after-key-and-cursor', notInTransaction: true }),
  // Sets
  sadd: run([-3, 1, 1, 1], { storedNames: 'every-argument' }),
  srem: run([-3, 1, 1, 1]),
  smembers: run([2, 1, 1, 1], WHOLE('scard')),
  sismember: run([3, 1, 1, 1]),
  smismember: run([-3, 1, 1, 1]),
  scard: run([2, 1, 1, 1]),
  spop: run([-2, 1, 1, 1], { limit: 'random-count' }),
  srandmember: run([-2, 1, 1, 1], { limit: 'random-count' }),
  smove: run([4, 1, 2, 1]),
  sinter: run([-2, 1, -1, 1], SET_ALGEBRA),
  sunion: run([-2, 1, -1, 1], SET_ALGEBRA),
  sdiff: run([-2, 1, -1, 1], SET_ALGEBRA),
  sinterstore: run([-3, 1, -1, 1], SET_ALGEBRA_STORE),
  sunionstore: run([-3, 1, -1, 1], SET_ALGEBRA_STORE),
  sdiffstore: run([-3, 1, -1, 1], SET_ALGEBRA_STORE),
  sscan: run([-3, 1, 1, 1], { scanOptions: 'options-after-key-and-cursor', notInTransaction: true }),
  // Sorted sets
  zadd: run([-4, 1, 1, 1], { storedNames: 'zadd-members' }),
  zrem: run([-3, 1, 1, 1]),
  zscore: run([3, 1, 1, 1]),
  zmscore: run([-3, 1, 1, 1]),
  zincrby: run([4, 1, 1, 1], { storedNames: 'zincrby-member' }),
  zcard: run([2, 1, 1, 1]),
  zcount: run([4, 1, 1, 1]),
  zrank: run([-3, 1, 1, 1]),
  zrevrank: run([-3, 1, 1, 1]),
  zrange: run([-4, 1, 1, 1], WHOLE('zcard', 'index')),
  zrangestore: run([-5, 1, 2, 1], { work: { measure: 'zcard', sources: 'after-destination' }, notInTransaction: true }),
  zrevrange: run([-4, 1, 1, 1], WHOLE('zcard', 'index')),
  zrangebyscore: run([-4, 1, 1, 1], WHOLE('zcard')),
  zrevrangebyscore: run([-4, 1, 1, 1], WHOLE('zcard')),
  zrangebylex: run([-4, 1, 1, 1], WHOLE('zcard')),
  zrevrangebylex: run([-4, 1, 1, 1], WHOLE('zcard')),
  zlexcount: run([4, 1, 1, 1]),
  zremrangebyrank: run([4, 1, 1, 1], WHOLE('zcard', 'index')),
  zremrangebyscore: run([4, 1, 1, 1], WHOLE('zcard')),
  zremrangebylex: run([4, 1, 1, 1], WHOLE('zcard')),
  zpopmin: run([-2, 1, 1, 1], { limit: 'random-count' }),
  zpopmax: run([-2, 1, 1, 1], { limit: 'random-count' }),
  zrandmember: run([-2, 1, 1, 1], { limit: 'random-count' }),
  zscan: run([-3, 1, 1, 1], { scanOptions: 'options-after-key-and-cursor', notInTransaction: true }),
  // Bitmaps, HyperLogLogs, geo
  setbit: run([4, 1, 1, 1], { limit: 'setbit-offset' }),
  getbit: run([3, 1, 1, 1]),
  bitcount: run([-2, 1, 1, 1]),
  bitpos: run([-3, 1, 1, 1]),
  bitop: run([-4, 2, -1, 1], { distinctSources: 'after-destination', notInTransaction: true }),
  bitfield: run([-2, 1, 1, 1], { limit: 'bitfield-offsets' }),
  bitfield_ro: run([-2, 1, 1, 1]),
  pfadd: run([-2, 1, 1, 1], { hyperLogLog: 'creates' }),
  pfcount: run([-2, 1, -1, 1], { hyperLogLog: 'reads' }),
  pfmerge: run([-2, 1, -1, 1], { hyperLogLog: 'creates' }),
  geoadd: run([-5, 1, 1, 1], { storedNames: 'geoadd-members' }),
  geopos: run([-2, 1, 1, 1]),
  geodist: run([-4, 1, 1, 1]),
  geohash: run([-2, 1, 1, 1]),
  geosearch: run([-7, 1, 1, 1], WHOLE('zcard')),
  geosearchstore: run([-8, 1, 2, 1], {
    work: { measure: 'zcard', sources: 'after-destination' },
    notInTransaction: true,
  }),
  // Streams
  xadd: run([-5, 1, 1, 1]),
  xlen: run([2, 1, 1, 1]),
  xrange: run([-4, 1, 1, 1], WHOLE('xlen', 'count-option')),
  xrevrange: run([-4, 1, 1, 1], WHOLE('xlen', 'count-option')),
  xdel: run([-3, 1, 1, 1]),
  xtrim: run([-4, 1, 1, 1]),
  xpending: run([-3, 1, 1, 1]),
  xack: run([-4, 1, 1, 1]),
  xclaim: run([-6, 1, 1, 1]),
  xautoclaim: run([-6, 1, 1, 1]),
  xread: run({ parse: (args) => streamReaderKeyIndexes('xread', args), arity: -4 }, STREAM_READER),
  xreadgroup: run({ parse: (args) => streamReaderKeyIndexes('xreadgroup', args), arity: -7 }, STREAM_READER),
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
  // Issue 13: the rest of Valkey 8's data commands. Numkeys forms get their keys from a parser
  // (commands.ts) that commands.test.ts checks against the server's COMMAND GETKEYS.
  zunion: run(numkeys(-3, 1), Z_ALGEBRA),
  zinter: run(numkeys(-3, 1), Z_ALGEBRA),
  zdiff: run(numkeys(-3, 1), Z_ALGEBRA),
  zintercard: run(numkeys(-3, 1), Z_ALGEBRA),
  zunionstore: run(numkeys(-4, 2, 1), Z_ALGEBRA_STORE),
  zinterstore: run(numkeys(-4, 2, 1), Z_ALGEBRA_STORE),
  zdiffstore: run(numkeys(-4, 2, 1), Z_ALGEBRA_STORE),
  sintercard: run(numkeys(-3, 1), SET_ALGEBRA),
  lmpop: run(numkeys(-4, 1), { limit: 'mpop-count', replyKeys: 'first-item' }),
  zmpop: run(numkeys(-4, 1), { limit: 'mpop-count', replyKeys: 'first-item' }),
  blmpop: run(numkeys(-5, 2), { limit: 'mpop-count', ...BLOCKS_FIRST }),
  bzmpop: run(numkeys(-5, 2), { limit: 'mpop-count', ...BLOCKS_FIRST }),
  copy: run({ parse: copyKeyIndexes, arity: -3 }, { limit: 'copy-without-db', notInTransaction: true }),
  georadius: run({ parse: geoRadiusKeyIndexes, arity: -6 }, GEO_RADIUS),
  georadiusbymember: run({ parse: geoRadiusKeyIndexes, arity: -5 }, GEO_RADIUS),
  georadius_ro: run([-6, 1, 1, 1], WHOLE('zcard')),
  georadiusbymember_ro: run([-5, 1, 1, 1], WHOLE('zcard')),
  xsetid: run([-3, 1, 1, 1]),
  sort: run({ parse: (args) => sortKeyIndexes(args, false), arity: -2 }, SORT_RULE(false)),
  sort_ro: run({ parse: (args) => sortKeyIndexes(args, true), arity: -2 }, SORT_RULE(true)),

  // Emulated over the learner's own keys (emulate.ts): as typed, they would see the whole server.
  keys: { action: 'emulate', scanOptions: 'pattern-argument' },
  scan: { action: 'emulate', scanOptions: 'options-after-cursor' },
  dbsize: EMULATE,
  flushdb: EMULATE,
  flushall: EMULATE,
  randomkey: EMULATE,

  // Introspection (issue 13), confined: OBJECT and MEMORY USAGE on the learner's own keys, CLIENT
  // on the learner's own connection (its CLIENT INFO scrubbed, introspection.ts), INFO with the
  // safe sections only and WAIT as a server without replicas answers (both emulated).
  object: run({
    subcommands: {
      encoding: [3, 2, 2, 1],
      freq: [3, 2, 2, 1],
      idletime: [3, 2, 2, 1],
      refcount: [3, 2, 2, 1],
      help: [2, 0, 0, 0],
    },
  }),
  memory: run(
    { subcommands: { usage: [-3, 2, 2, 1], help: [2, 0, 0, 0] } },
    {
      limit: 'memory-samples',
      refusedSubcommands: {
        names: ['stats', 'doctor', 'malloc-stats', 'purge'],
        why: `${SHARED_SERVER}, so only MEMORY USAGE on your own keys is shown (INFO memory has the totals).`,
      },
    },
  ),
  client: run(
    {
      subcommands: {
        id: [2, 0, 0, 0],
        getname: [2, 0, 0, 0],
        setname: [3, 0, 0, 0],
        info: [2, 0, 0, 0],
        help: [2, 0, 0, 0],
        // Client-side caching (live/tracking.ts): REDIRECT to the console's own subscriber connection.
        tracking: [-3, 0, 0, 0],
        caching: [3, 0, 0, 0],
        getredir: [2, 0, 0, 0],
        trackinginfo: [2, 0, 0, 0],
      },
    },
    {
      notInTransaction: true,
      refusedSubcommands: {
        // Valkey 8's other CLIENT subcommands (COMMAND DOCS client).
        names: ['capa', 'kill', 'list', 'no-evict', 'no-touch', 'pause', 'reply', 'setinfo', 'unblock', 'unpause'],
        why: `${SHARED_SERVER}; only CLIENT ID, GETNAME, SETNAME, INFO and the client-side caching ones (TRACKING, CACHING, GETREDIR, TRACKINGINFO) on your own connection run.`,
      },
    },
  ),
  info: EMULATE,
  wait: EMULATE,

  // Pub/sub, live (live/live-commands.ts): channels confined like keys, subscriptions held by the
  // console's own subscriber connection and delivered on its live stream.
  publish: LIVE('to your own channels (a PUBLISH counts as a command against the rate limit).'),
  spublish: LIVE('to your own shard channels (a command against the rate limit).'),
  subscribe: LIVE(SUBSCRIPTION_BOUNDS),
  psubscribe: LIVE(`${SUBSCRIPTION_BOUNDS} Patterns: 32 bytes, at most 4 '*'.`),
  ssubscribe: LIVE(SUBSCRIPTION_BOUNDS),
  unsubscribe: LIVE("from your console's own subscriptions."),
  punsubscribe: LIVE("from your console's own pattern subscriptions."),
  sunsubscribe: LIVE("from your console's own shard subscriptions."),
  pubsub: LIVE(
    'CHANNELS, NUMSUB, NUMPAT, SHARDCHANNELS and SHARDNUMSUB count and list only your own channels and patterns.',
  ),

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
  waitaof: disabled(NO_DISK),
  module: disabled(`${SHARED_SERVER}.`),
  sync: disabled(`${SHARED_SERVER}.`),
  psync: disabled(`${SHARED_SERVER}.`),
  failover: disabled(`try failover in ${CLUSTER_LAB} instead.`),
  cluster: disabled(`it is a single server; try ${CLUSTER_LAB} instead.`),
  quit: notNeeded('each command is its own request.'),
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

/** The pub/sub commands, which run live (live/live-commands.ts). */
export function liveCommandNames(table: CommandTable = SANDBOX_COMMANDS): string[] {
  return Object.entries(table).flatMap(([name, rule]) => (rule.action === 'live' ? [name] : []));
}

/** The allowed subcommands of containers, as "container|sub" (OBJECT ENCODING, CLIENT TRACKING…). */
export function allowedSubcommands(table: CommandTable = SANDBOX_COMMANDS): string[] {
  return allowedCommandRules(table)
    .filter((rule) => rule.includes('|'))
    .map((rule) => rule.slice(1));
}

/** The commands that run with their keys found by position or by a parser: every run rule but the containers. */
export function keyedRunCommands(table: CommandTable = SANDBOX_COMMANDS): string[] {
  return Object.entries(table).flatMap(([name, rule]) =>
    rule.action === 'run' && !('subcommands' in rule.keys) ? [name] : [],
  );
}

/**
 * Whether the server will answer "wrong number of arguments" (COMMAND INFO's arity: exact when
 * positive, a minimum when negative). Such a line goes to the server unchecked, so the learner
 * reads Valkey's own error, and inside MULTI the server marks the transaction as failed (EXECABORT).
 */
export function hasWrongArity(rule: RunRule, argc: number): boolean {
  const { keys } = rule;
  if ('subcommands' in keys) return false;
  const arity = 'parse' in keys ? keys.arity : (keys as KeySpec)[0];
  return arity >= 0 ? argc !== arity : argc < -arity;
}
