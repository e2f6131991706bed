/**
 * The commands the app's admin user (`keyspace`) may run on each of its servers, one list per role.
 * Kept apart from local-server.ts, which renders them into each server's config.
 */
import type { InstanceRole } from '../valkey/roles';

/** What every admin connection does: sign in, name itself, stay unevictable, and answer ioredis's ready check (INFO). */
const CONNECTION_COMMANDS = ['ping', 'info', 'hello', 'quit', 'client|setname', 'client|no-evict', 'client|info'];

/**
 * The test suite checks the servers through this same user: reads and introspection, seeding keys,
 * and (app server) dropping a connection on purpose. Nothing here changes a server's config,
 * persistence, modules or users.
 */
const TEST_COMMANDS: Record<InstanceRole, readonly string[]> = {
  sandbox: [
    'set',
    'mset',
    'mget',
    'rpush',
    'hset',
    'zadd',
    'xadd',
    'keys',
    'dbsize',
    'dump',
    'psubscribe',
    'punsubscribe',
  ],
  app: ['scan', 'zcard', 'ttl', 'keys', 'dbsize', 'dump', 'client|kill'],
};
const INSPECTION_COMMANDS = ['config|get', 'acl|getuser', 'acl|dryrun', 'client|id'];

/**
 * The commands the app's admin user may run on each server, and nothing else (L7 of issue 10): read
 * from the code that uses each connection, so a command the app starts using must be added here.
 * Denied, among others: CONFIG SET, FLUSHALL/FLUSHDB, SHUTDOWN, DEBUG, MODULE, REPLICAOF, MIGRATE,
 * RESTORE, SAVE, MONITOR, SCRIPT/FUNCTION, and ACL SETUSER on the app server. Each user still has
 * every key (`~*`); learners' users are separate and far narrower (lib/sandbox/acl.ts).
 */
export const ADMIN_COMMANDS: Record<InstanceRole, readonly string[]> = {
  sandbox: [
    ...CONNECTION_COMMANDS,
    // Learners' ACL users (lib/sandbox/learners.ts).
    'acl|setuser',
    'acl|deluser',
    // Key browser, memory budget, reset, idle sweep and the emulated KEYS/SCAN/DBSIZE/RANDOMKEY/FLUSH*.
    'scan',
    'unlink',
    'exists',
    'type',
    'ttl',
    'pttl',
    'memory|usage',
    // Each learner's key index (lib/sandbox/key-index.ts): a set per learner, emptied atomically on Reset.
    'sadd',
    'srem',
    'smembers',
    'sscan',
    'del',
    'multi',
    'exec',
    'discard',
    // Work measured before a command runs (lib/sandbox/work-limits.ts).
    'scard',
    'zcard',
    'hlen',
    'llen',
    'strlen',
    'xlen',
    // The command table and the console's help, checked against the server itself.
    'command|info',
    'command|docs',
    // The read benchmark (lib/bench, bench:* keys only when enabled).
    'get',
    ...INSPECTION_COMMANDS,
    ...TEST_COMMANDS.sandbox,
  ],
  app: [
    ...CONNECTION_COMMANDS,
    // Rate-limit buckets (lib/sandbox/rate-limit.ts): the script and the commands it calls.
    'evalsha',
    'eval',
    'hmget',
    'pexpire',
    // Drills, progress, interviews, the learner cookie secret and the idle sweeper's learner list.
    'multi',
    'exec',
    'discard',
    'watch',
    'unwatch',
    'get',
    'set',
    'del',
    'unlink',
    'exists',
    'expire',
    'hget',
    'hset',
    'hsetnx',
    'hgetall',
    'hincrby',
    'hdel',
    'hstrlen',
    'sadd',
    'srem',
    'smembers',
    'smismember',
    'zadd',
    'zrem',
    'zscore',
    'zrangebyscore',
    'rpush',
    'lpush',
    'ltrim',
    'lrange',
    'lindex',
    'llen',
    'rpop',
    'memory|usage',
    ...INSPECTION_COMMANDS,
    ...TEST_COMMANDS.app,
  ],
};
