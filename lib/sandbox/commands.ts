/**
 * The commands a learner may run in the sandbox, with where their keys are.
 *
 * Key positions are [arity, firstKey, lastKey, step] exactly as `COMMAND INFO` reports them on
 * Valkey 8 (lastKey -1 means "the last argument"); an integration test compares this table with
 * the live server. Keys are found by position, never by value: mapping by value lets a learner
 * smuggle a prefix into a non-key argument (shared/reference/sandbox-security.md §3).
 * Only commands with fixed key positions are here; movable-key commands (EVAL, SORT, XREAD,
 * ZUNIONSTORE…) are refused with a clear message. Blocking commands run on the learner's own
 * connection with their timeout capped (see argument-limits.ts).
 */
export type KeySpec = readonly [arity: number, firstKey: number, lastKey: number, step: number];

export const ALLOWED_COMMANDS: Readonly<Record<string, KeySpec>> = {
  get: [2, 1, 1, 1],
  set: [-3, 1, 1, 1],
  setnx: [3, 1, 1, 1],
  setex: [4, 1, 1, 1],
  psetex: [4, 1, 1, 1],
  getset: [3, 1, 1, 1],
  getdel: [2, 1, 1, 1],
  getex: [-2, 1, 1, 1],
  mget: [-2, 1, -1, 1],
  mset: [-3, 1, -1, 2],
  msetnx: [-3, 1, -1, 2],
  append: [3, 1, 1, 1],
  strlen: [2, 1, 1, 1],
  incr: [2, 1, 1, 1],
  incrby: [3, 1, 1, 1],
  incrbyfloat: [3, 1, 1, 1],
  decr: [2, 1, 1, 1],
  decrby: [3, 1, 1, 1],
  getrange: [4, 1, 1, 1],
  setrange: [4, 1, 1, 1],
  substr: [4, 1, 1, 1],
  lcs: [-3, 1, 2, 1],
  del: [-2, 1, -1, 1],
  unlink: [-2, 1, -1, 1],
  exists: [-2, 1, -1, 1],
  type: [2, 1, 1, 1],
  ttl: [2, 1, 1, 1],
  pttl: [2, 1, 1, 1],
  expire: [-3, 1, 1, 1],
  pexpire: [-3, 1, 1, 1],
  expireat: [-3, 1, 1, 1],
  pexpireat: [-3, 1, 1, 1],
  expiretime: [2, 1, 1, 1],
  pexpiretime: [2, 1, 1, 1],
  persist: [2, 1, 1, 1],
  rename: [3, 1, 2, 1],
  renamenx: [3, 1, 2, 1],
  touch: [-2, 1, -1, 1],
  lpush: [-3, 1, 1, 1],
  rpush: [-3, 1, 1, 1],
  lpushx: [-3, 1, 1, 1],
  rpushx: [-3, 1, 1, 1],
  lpop: [-2, 1, 1, 1],
  rpop: [-2, 1, 1, 1],
  llen: [2, 1, 1, 1],
  lrange: [4, 1, 1, 1],
  lindex: [3, 1, 1, 1],
  lset: [4, 1, 1, 1],
  lrem: [4, 1, 1, 1],
  ltrim: [4, 1, 1, 1],
  linsert: [5, 1, 1, 1],
  lpos: [-3, 1, 1, 1],
  lmove: [5, 1, 2, 1],
  rpoplpush: [3, 1, 2, 1],
  hset: [-4, 1, 1, 1],
  hsetnx: [4, 1, 1, 1],
  hget: [3, 1, 1, 1],
  hmget: [-3, 1, 1, 1],
  hmset: [-4, 1, 1, 1],
  hdel: [-3, 1, 1, 1],
  hlen: [2, 1, 1, 1],
  hexists: [3, 1, 1, 1],
  hkeys: [2, 1, 1, 1],
  hvals: [2, 1, 1, 1],
  hgetall: [2, 1, 1, 1],
  hincrby: [4, 1, 1, 1],
  hincrbyfloat: [4, 1, 1, 1],
  hstrlen: [3, 1, 1, 1],
  hrandfield: [-2, 1, 1, 1],
  hscan: [-3, 1, 1, 1],
  sadd: [-3, 1, 1, 1],
  srem: [-3, 1, 1, 1],
  smembers: [2, 1, 1, 1],
  sismember: [3, 1, 1, 1],
  smismember: [-3, 1, 1, 1],
  scard: [2, 1, 1, 1],
  spop: [-2, 1, 1, 1],
  srandmember: [-2, 1, 1, 1],
  smove: [4, 1, 2, 1],
  sinter: [-2, 1, -1, 1],
  sunion: [-2, 1, -1, 1],
  sdiff: [-2, 1, -1, 1],
  sinterstore: [-3, 1, -1, 1],
  sunionstore: [-3, 1, -1, 1],
  sdiffstore: [-3, 1, -1, 1],
  sscan: [-3, 1, 1, 1],
  zadd: [-4, 1, 1, 1],
  zrem: [-3, 1, 1, 1],
  zscore: [3, 1, 1, 1],
  zmscore: [-3, 1, 1, 1],
  zincrby: [4, 1, 1, 1],
  zcard: [2, 1, 1, 1],
  zcount: [4, 1, 1, 1],
  zrank: [-3, 1, 1, 1],
  zrevrank: [-3, 1, 1, 1],
  zrange: [-4, 1, 1, 1],
  zrangestore: [-5, 1, 2, 1],
  zrevrange: [-4, 1, 1, 1],
  zrangebyscore: [-4, 1, 1, 1],
  zrevrangebyscore: [-4, 1, 1, 1],
  zrangebylex: [-4, 1, 1, 1],
  zrevrangebylex: [-4, 1, 1, 1],
  zlexcount: [4, 1, 1, 1],
  zremrangebyrank: [4, 1, 1, 1],
  zremrangebyscore: [4, 1, 1, 1],
  zremrangebylex: [4, 1, 1, 1],
  zpopmin: [-2, 1, 1, 1],
  zpopmax: [-2, 1, 1, 1],
  zrandmember: [-2, 1, 1, 1],
  zscan: [-3, 1, 1, 1],
  setbit: [4, 1, 1, 1],
  getbit: [3, 1, 1, 1],
  bitcount: [-2, 1, 1, 1],
  bitpos: [-3, 1, 1, 1],
  bitop: [-4, 2, -1, 1],
  bitfield: [-2, 1, 1, 1],
  bitfield_ro: [-2, 1, 1, 1],
  pfadd: [-2, 1, 1, 1],
  pfcount: [-2, 1, -1, 1],
  pfmerge: [-2, 1, -1, 1],
  geoadd: [-5, 1, 1, 1],
  geopos: [-2, 1, 1, 1],
  geodist: [-4, 1, 1, 1],
  geohash: [-2, 1, 1, 1],
  geosearch: [-7, 1, 1, 1],
  geosearchstore: [-8, 1, 2, 1],
  xadd: [-5, 1, 1, 1],
  xlen: [2, 1, 1, 1],
  xrange: [-4, 1, 1, 1],
  xrevrange: [-4, 1, 1, 1],
  xdel: [-3, 1, 1, 1],
  xtrim: [-4, 1, 1, 1],
  xpending: [-3, 1, 1, 1],
  xack: [-4, 1, 1, 1],
  xclaim: [-6, 1, 1, 1],
  xautoclaim: [-6, 1, 1, 1],
  ping: [-1, 0, 0, 0],
  multi: [1, 0, 0, 0],
  exec: [1, 0, 0, 0],
  discard: [1, 0, 0, 0],
  watch: [-2, 1, -1, 1],
  unwatch: [1, 0, 0, 0],
  blpop: [-3, 1, -2, 1],
  brpop: [-3, 1, -2, 1],
  blmove: [6, 1, 2, 1],
  brpoplpush: [4, 1, 2, 1],
  bzpopmin: [-3, 1, -2, 1],
  bzpopmax: [-3, 1, -2, 1],
  echo: [2, 0, 0, 0],
  time: [1, 0, 0, 0],
};

/** Container commands: the subcommands allowed, with key positions counted from the command name. */
export const ALLOWED_SUBCOMMANDS: Readonly<Record<string, Readonly<Record<string, KeySpec>>>> = {
  xgroup: {
    create: [-5, 2, 2, 1],
    destroy: [4, 2, 2, 1],
    createconsumer: [5, 2, 2, 1],
    delconsumer: [5, 2, 2, 1],
    setid: [-5, 2, 2, 1],
    help: [2, 0, 0, 0],
  },
  xinfo: {
    stream: [-3, 2, 2, 1],
    groups: [3, 2, 2, 1],
    consumers: [4, 2, 2, 1],
    help: [2, 0, 0, 0],
  },
};

/**
 * XREAD and XREADGROUP name their keys after STREAMS: half of what follows it (the other half are
 * ids). Found by walking the options the way the server parses them, not by searching values, so
 * a consumer or group called "STREAMS" cannot shift the keys.
 */
export function streamReaderKeyIndexes(name: 'xread' | 'xreadgroup', args: readonly Buffer[]): number[] {
  for (let i = 1; i < args.length; i++) {
    const token = args[i]!.toString('latin1').toLowerCase();
    if (token === 'group' && name === 'xreadgroup') i += 2;
    else if (token === 'count' || token === 'block') i += 1;
    else if (token === 'noack') continue;
    else if (token === 'streams') {
      const rest = args.length - i - 1;
      if (rest <= 0 || rest % 2 !== 0) return [];
      return Array.from({ length: rest / 2 }, (_, k) => i + 1 + k);
    } else return [];
  }
  return [];
}

export type KeyLocator = (args: readonly Buffer[]) => number[];

/** Where the keys are for an allowed command line, or undefined if the command is not allowed. */
export function keyLocator(name: string, args: readonly Buffer[]): KeyLocator | undefined {
  if (name === 'xread' || name === 'xreadgroup') return (line) => streamReaderKeyIndexes(name, line);
  const container = Object.hasOwn(ALLOWED_SUBCOMMANDS, name) ? ALLOWED_SUBCOMMANDS[name] : undefined;
  if (container) {
    const sub = args[1]?.toString('latin1').toLowerCase() ?? '';
    // Unknown subcommands go to the server untouched, which answers "unknown subcommand".
    const spec = Object.hasOwn(container, sub) ? container[sub] : undefined;
    return (line) => (spec ? keyPositions(spec, line.length) : []);
  }
  const spec = commandSpec(name);
  return spec ? (line) => keyPositions(spec, line.length) : undefined;
}

/** Every ACL rule that allows exactly the commands above. */
export function allowedCommandRules(): string[] {
  return [
    ...Object.keys(ALLOWED_COMMANDS),
    'xread',
    'xreadgroup',
    ...Object.entries(ALLOWED_SUBCOMMANDS).flatMap(([container, subs]) => Object.keys(subs).map((sub) => `${container}|${sub}`)),
  ].map((name) => `+${name}`);
}

export function commandSpec(name: string): KeySpec | undefined {
  return Object.hasOwn(ALLOWED_COMMANDS, name) ? ALLOWED_COMMANDS[name] : undefined;
}

/** Indexes of the key arguments in argv (argv[0] is the command name). */
export function keyPositions(spec: KeySpec, argc: number): number[] {
  const [, first, last, step] = spec;
  if (first === 0) return [];
  const end = last < 0 ? argc + last : Math.min(last, argc - 1);
  const positions: number[] = [];
  for (let index = first; index <= end; index += step) positions.push(index);
  return positions;
}
