/** Building blocks of the sandbox command table (command-table.ts): rule makers, shared option sets and the refusal messages, written once. */
import { numkeysKeyIndexes, sortOptions } from './commands';
import type { WorkRule, RunRule, CommandRule } from './command-rules';

export const run = (keys: RunRule['keys'], more: Omit<RunRule, 'action' | 'keys'> = {}): RunRule => ({
  action: 'run',
  keys,
  ...more,
});
export const EMULATE: CommandRule = { action: 'emulate' };
/** Set algebra: every source is walked, repeats included (t_set.c), so sources are distinct and measured. */
export const SET_ALGEBRA: Omit<RunRule, 'action' | 'keys'> = {
  distinctSources: 'all-keys',
  work: { measure: 'scard' },
  notInTransaction: true,
};
export const SET_ALGEBRA_STORE: Omit<RunRule, 'action' | 'keys'> = {
  distinctSources: 'after-destination',
  work: { measure: 'scard', sources: 'after-destination' },
  notInTransaction: true,
};
export const WHOLE = (measure: WorkRule['measure'], range?: WorkRule['range']): Omit<RunRule, 'action' | 'keys'> => ({
  work: range ? { measure, range } : { measure },
});
/** Numkeys forms: `numkeys` at `numkeysAt`, then the keys; a STORE form's destination first. */
export const numkeys = (arity: number, numkeysAt: number, destinationAt?: number): RunRule['keys'] => ({
  parse: (args) => numkeysKeyIndexes(args, numkeysAt, destinationAt),
  arity,
});
/** ZUNION & co.: like set algebra, every source (a sorted set or a set) is walked once per mention. */
export const Z_ALGEBRA: Omit<RunRule, 'action' | 'keys'> = {
  distinctSources: 'all-keys',
  work: { measure: 'zset-or-set' },
  notInTransaction: true,
};
export const Z_ALGEBRA_STORE: Omit<RunRule, 'action' | 'keys'> = {
  distinctSources: 'after-destination',
  work: { measure: 'zset-or-set', sources: 'after-destination' },
  notInTransaction: true,
};
/** GEORADIUS with STORE writes a key, so it is measured (its keys, the destination too) and kept out of MULTI. */
export const GEO_RADIUS: Omit<RunRule, 'action' | 'keys'> = {
  work: { measure: 'zcard' },
  notInTransaction: true,
};
/**
 * SORT and SORT_RO: BY and GET patterns take the learner's prefix (a pattern then only ever names
 * `sb:<id>:…`, whatever the elements are); the sorted key is measured, times one lookup per
 * pattern; STORE may not copy GET values (N values of up to a megabyte each); out of MULTI.
 * Learners' ACL gives SORT read access by pattern (acl.ts), as the server demands for BY and GET.
 */
export const SORT_RULE = (readonly: boolean): Omit<RunRule, 'action' | 'keys'> => ({
  patterns: (args) => sortOptions(args, readonly).patterns,
  work: { measure: 'list-set-or-zset', sources: 'last-key' },
  notInTransaction: true,
  ...(readonly ? {} : { limit: 'sort-store-without-get' as const }),
});
/** BLMPOP/BZMPOP: the timeout comes first, and the reply names the key popped from. */
export const BLOCKS_FIRST: Omit<RunRule, 'action' | 'keys'> = {
  blocking: 'first-argument-seconds',
  replyKeys: 'first-item',
};
export const BLOCKS: Omit<RunRule, 'action' | 'keys'> = { blocking: 'last-argument-seconds', replyKeys: 'first-item' };
export const STREAM_READER: Omit<RunRule, 'action' | 'keys'> = {
  blocking: 'block-option-milliseconds',
  work: { measure: 'xlen', range: 'count-option' },
  replyKeys: 'each-stream-name',
};

// Refusal messages, written once. Each reads as a Valkey error line.
export const SANDBOX = 'in the Keyspace sandbox';
export const disabled = (why: string): CommandRule => ({
  action: 'refuse',
  message: (name) => `ERR ${name} is disabled ${SANDBOX}: ${why}`,
});
export const notAvailable = (why: string): CommandRule => ({
  action: 'refuse',
  message: (name) => `ERR ${name} is not available ${SANDBOX}: ${why}`,
});
export const notNeeded = (why: string): CommandRule => ({
  action: 'refuse',
  message: (name) => `ERR ${name} is not needed ${SANDBOX}: ${why}`,
});

export const SHARED_SERVER = 'the sandbox is one server shared by every learner';
export const SHARED_SERVER_NAME = 'shared server';
export const NO_DISK = 'the sandbox keeps nothing on disk.';
export const LUA_BUGS =
  'this Valkey version has known Lua bugs (CVE-2025-49844 and others) that scripts could trigger.';
/** Pub/sub runs on the learner's own channels and, for subscriptions, the console's live stream. */
export const LIVE = (bounds: string): CommandRule => ({ action: 'live', bounds });
export const SUBSCRIPTION_BOUNDS =
  'your own channels; a live stream per console (3 per learner), 20 channels and patterns per learner, 20 messages a second per console (more are dropped and counted), closed after 10 minutes idle or when the page closes.';
// The cluster lab (lib/labs/cluster, /api/labs/cluster), where these commands run; named by its
// page's address (app/labs/cluster), as console text cannot hold a link.
export const CLUSTER_LAB = 'the cluster lab at /labs/cluster';
