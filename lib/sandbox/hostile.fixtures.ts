/**
 * Hostile command lines from docs/reference/sandbox-security.md §5 (rows 1–40) and more, with the
 * exact valkey-cli text the sandbox must answer. `<alice>` and `<bob>` stand for the learners' ids.
 * Used by hostile.test.ts; every line here is typed by alice.
 */
const SHARED = 'the sandbox is one server shared by every learner';
const LUA = 'this Valkey version has known Lua bugs (CVE-2025-49844 and others) that scripts could trigger.';
const CLIENT = `${SHARED}; only CLIENT ID, GETNAME, SETNAME, INFO and the client-side caching ones (TRACKING, CACHING, GETREDIR, TRACKINGINFO) on your own connection run.`;
/** Subscriptions live on a console's live stream (lib/sandbox/live); a line sent without one gets this. */
const NO_LIVE = (name: string) =>
  `(error) ERR ${name} needs a live console: run it from the sandbox console, which opens one (it could not here).`;

const disabled = (name: string, why: string) => `(error) ERR ${name} is disabled in the Keyspace sandbox: ${why}`;
/** Valkey's own answer to a name it does not have (issue 13). */
const unknown = (line: string) => {
  const [name, ...args] = line.split(' ');
  return `(error) ERR unknown command '${name}', with args beginning with: ${args.map((arg) => `'${arg}' `).join('')}`;
};
const blockForever = (name: string) =>
  `(error) ERR timeout must be more than 0 and at most 5 seconds in the sandbox (0 would wait forever). Try ${name} … 5.`;
const tooManyRandom = (name: string) =>
  `(error) ERR count too large for the sandbox: ${name} allows at most 1000 (or -1000).`;

/** A valid sparse HyperLogLog made by hand (PFCOUNT on the raw server answers 0): what CVE-2025-32023 needs. */
export const HAND_MADE_HLL = String.raw`"HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xff"`;

/** [reference row or "+" for ours, line, exact reply text] */
export const HOSTILE_LINES: readonly (readonly [row: string, line: string, text: string])[] = [
  ['3', 'GET app:secret', '(nil)'],
  ['3', 'GET sb:<bob>:secret', '(nil)'],
  ['+', 'EXISTS sb:<bob>:secret sb:<bob>:a app:secret', '(integer) 0'],
  ['+', 'TTL sb:<bob>:secret', '(integer) -2'],
  ['+', 'DEL sb:<bob>:secret sb:<bob>:a', '(integer) 0'],
  ['+', 'RENAME sb:<bob>:secret stolen', '(error) ERR no such key'],
  ['+', 'XRANGE sb:<bob>:orders - +', '(empty array)'],
  ['+', 'SET sb:<bob>:secret pwned', 'OK'],
  // Emulated over her own keys only: the one she just wrote into her space goes, Bob's stay (see
  // hostile.test.ts, which checks his keys and the app's data after every line).
  ['4', 'EXISTS sb:<bob>:secret', '(integer) 1'],
  ['4', 'FLUSHALL', 'OK'],
  ['4', 'EXISTS sb:<bob>:secret', '(integer) 0'],
  ['4', 'DBSIZE', '(integer) 0'],
  ['5', 'SWAPDB 0 1', disabled('SWAPDB', `${SHARED}.`)],
  ['6', 'SELECT 1', disabled('SELECT', 'it has a single database (and ElastiCache in cluster mode only has DB 0).')],
  ['6', 'MOVE k 1', disabled('MOVE', 'it has a single database.')],
  ['8', 'AUTH default x', disabled('AUTH', 'you are already signed in to your own space.')],
  ['8', 'AUTH keyspace x', disabled('AUTH', 'you are already signed in to your own space.')],
  ['9', 'RESET', disabled('RESET', 'it would reset a shared connection.')],
  ['10', 'HELLO 3', disabled('HELLO', 'it would change the protocol of a shared connection.')],
  ['39', 'hello 3 AUTH default x', disabled('HELLO', 'it would change the protocol of a shared connection.')],
  ['11', 'CLIENT KILL TYPE normal', disabled('CLIENT KILL', CLIENT)],
  ['12', 'CLIENT PAUSE 100000 ALL', disabled('CLIENT PAUSE', CLIENT)],
  ['+', 'CLIENT LIST', disabled('CLIENT LIST', CLIENT)],
  [
    '13',
    'CONFIG SET dir /root/.ssh',
    disabled('CONFIG', `${SHARED}. On ElastiCache you change settings through parameter groups.`),
  ],
  [
    '13',
    'CONFIG SET maxmemory 1',
    disabled('CONFIG', `${SHARED}. On ElastiCache you change settings through parameter groups.`),
  ],
  ['14', 'DEBUG SLEEP 30', disabled('DEBUG', 'it can stall or crash the server for everyone.')],
  ['15', 'MONITOR', disabled('MONITOR', "it would show other learners' commands.")],
  ['16', 'EVAL "while true do end" 0', disabled('EVAL', LUA)],
  ['17', `EVAL "redis.call('set','k','1') while true do end" 0`, disabled('EVAL', LUA)],
  [
    '+',
    String.raw`FUNCTION LOAD "#!lua name=x\nserver.register_function('f', function() while true do end end)"`,
    disabled('FUNCTION', LUA),
  ],
  ['+', 'FCALL f 0', disabled('FCALL', LUA)],
  ['+', 'SCRIPT KILL', disabled('SCRIPT', LUA)],
  // Issue 13: SORT runs; its patterns take Alice's prefix, so they find none of the app's or Bob's keys.
  ['18', 'RPUSH sortme 1', '(integer) 1'],
  ['18', 'SORT sortme BY app:w_* GET app:*', '1) (nil)'],
  ['18', 'SORT_RO sortme BY nosort GET sb:<bob>:*', '1) (nil)'],
  [
    '19',
    'SETRANGE k 536870911 x',
    '(error) ERR offset too large for the sandbox: SETRANGE may write up to byte 65536. Use a smaller offset.',
  ],
  [
    '20',
    'SETBIT k 4294967295 1',
    '(error) ERR bit offset too large for the sandbox: SETBIT allows offsets below 524288.',
  ],
  [
    '20',
    'BITFIELD k SET u8 4294967295 1',
    '(error) ERR bit offset too large for the sandbox: BITFIELD allows offsets below 524288.',
  ],
  [
    '+',
    'BITFIELD k GET u8 0 INCRBY u32 #200000000 1',
    '(error) ERR bit offset too large for the sandbox: BITFIELD allows offsets below 524288.',
  ],
  ['24', 'HRANDFIELD h -100000000', tooManyRandom('HRANDFIELD')],
  ['24', 'SRANDMEMBER s -100000000', tooManyRandom('SRANDMEMBER')],
  ['24', 'ZRANDMEMBER z -100000000 WITHSCORES', tooManyRandom('ZRANDMEMBER')],
  ['25', `SET lcs:a ${'a'.repeat(1000)}`, 'OK'],
  ['25', `SET lcs:b ${'b'.repeat(1000)}`, 'OK'],
  ['25', 'LCS lcs:a lcs:b', '(error) ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len'],
  ['26', 'BLPOP k 0', blockForever('BLPOP')],
  ['+', 'BRPOPLPUSH sb:<bob>:q k 1e9', blockForever('BRPOPLPUSH')],
  [
    '+',
    'BLMPOP 0 1 k LEFT',
    '(error) ERR timeout must be more than 0 and at most 5 seconds in the sandbox (0 would wait forever). Try BLMPOP 5 ….',
  ],
  ['28', 'SUBSCRIBE ch', NO_LIVE('SUBSCRIBE')],
  ['29', 'PSUBSCRIBE *', NO_LIVE('PSUBSCRIBE')],
  // PUBSUB lists and counts only her own channels: Bob's name is a channel of hers, with no subscriber.
  ['30', 'PUBSUB CHANNELS', '(empty array)'],
  ['30', 'PUBSUB NUMSUB sb:<bob>:ch', '1) "sb:<bob>:ch"\n2) (integer) 0'],
  ['30', 'PUBSUB NUMPAT', '(integer) 0'],
  // Keys after STREAMS are found by parsing, so a consumer named like Bob's stream is not rewritten
  // and his stream is never read; the error names the key as she typed it.
  [
    '31',
    'XREADGROUP GROUP g c STREAMS sb:<bob>:orders >',
    "(error) NOGROUP No such key 'sb:<bob>:orders' or consumer group 'g' in XREADGROUP with GROUP option",
  ],
  ['31', 'XREAD STREAMS sb:<bob>:orders 0', '(nil)'],
  ['31', 'XGROUP CREATE sb:<bob>:orders g 0 MKSTREAM', 'OK'],
  ['31', 'XREADGROUP GROUP g sb:<bob>:orders STREAMS sb:<bob>:orders >', '(nil)'],
  [
    '+',
    'XINFO GROUPS sb:<bob>:orders',
    '1)  1) "name"\n    2) "g"\n    3) "consumers"\n    4) (integer) 1\n    5) "pending"\n    6) (integer) 0\n    7) "last-delivered-id"\n    8) "0-0"\n    9) "entries-read"\n   10) (nil)\n   11) "lag"\n   12) (integer) 0',
  ],
  [
    '+',
    'XREAD BLOCK 0 STREAMS k $',
    '(error) ERR BLOCK must be more than 0 and at most 5000 milliseconds in the sandbox (0 would wait forever).',
  ],
  [
    '33',
    'WAIT 1 0',
    '(integer) 0\nThe sandbox has no replicas, so WAIT answers 0; the cluster lab has replicas to wait for.',
  ],
  ['33', 'SHUTDOWN NOSAVE', disabled('SHUTDOWN', `${SHARED}.`)],
  ['33', 'MIGRATE 127.0.0.1 6379 k 0 1000', disabled('MIGRATE', 'it sends keys to another server.')],
  [
    '33',
    'RESTORE k 0 x',
    disabled('RESTORE', 'it loads raw serialized data, which this Valkey version can mishandle (CVE-2026-25243).'),
  ],
  ['33', 'DUMP sb:<bob>:secret', disabled('DUMP', 'its output is only useful to RESTORE, which is disabled.')],
  ['34', String.raw`SET inj "a\r\nFLUSHALL\r\n"`, 'OK'],
  ['34', 'GET inj', String.raw`"a\r\nFLUSHALL\r\n"`],
  ['36', String.raw`SET bin "\x41\xff"`, 'OK'],
  ['36', 'GET bin', String.raw`"A\xff"`],
  // Values are data: one that happens to start with her own prefix comes back unchanged.
  ['+', 'SET v sb:<alice>:x', 'OK'],
  ['+', 'GET v', '"sb:<alice>:x"'],
  ['+', 'LPUSH l sb:<alice>:y', '(integer) 1'],
  ['+', 'LRANGE l 0 -1', '1) "sb:<alice>:y"'],
  ['36', 'SET utf "é🎉"', 'OK'],
  ['36', 'GET utf', String.raw`"\xc3\xa9\xf0\x9f\x8e\x89"`],
  ['39', 'SeT mixed 1', 'OK'],
  ['39', 'fLuShAlL', 'OK'],
  ['39', 'GET mixed', '(nil)'],
  ['+', 'constructor', unknown('constructor')],
  ['+', '__proto__', unknown('__proto__')],
  ['+', 'hasOwnProperty k', unknown('hasOwnProperty k')],
  // Introspection of her own keys only (issue 13): Bob's keys and the app's are never counted or seen.
  ['+', 'INFO keyspace', '# Keyspace\r'],
  ['+', 'OBJECT ENCODING sb:<bob>:secret', '(nil)'],
  ['+', 'MEMORY USAGE sb:<bob>:secret', '(nil)'],
  [
    '+',
    'INFO clients',
    'ERR INFO clients is not available in the Keyspace sandbox: it would show other learners or the host. Try INFO server, memory, stats, replication or keyspace.',
  ],
  // Issue 13: COPY runs, within Alice's own keys: Bob's secret is a name in her space, which she does not have.
  ['+', 'COPY sb:<bob>:secret mine', '(integer) 0'],
  ['+', 'ACL SETUSER lrn_<alice> ~* +@all', disabled('ACL', `${SHARED}.`)],
  ['+', 'QUIT', '(error) ERR QUIT is not needed in the Keyspace sandbox: each command is its own request.'],
  ['+', 'KEYS', "(error) ERR wrong number of arguments for 'keys' command"],
  ['+', 'SCAN 99999999999999999999999', '(error) ERR invalid cursor'],
  ['+', 'SCAN 0 TYPE nosuchtype', "(error) ERR unknown type name 'nosuchtype'"],
];
