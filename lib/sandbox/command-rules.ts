/** The shapes of the sandbox command table's rules (command-table.ts): types only, and the emulated commands. */
import { type KeySpec } from './commands';

/** Finds the key arguments of a movable-key command by parsing its options. */
export type KeyParser = (args: readonly Buffer[]) => number[];

/** Where a blocking command's timeout is: its last argument (seconds), or after BLOCK (milliseconds). */
export type BlockingTimeout = 'last-argument-seconds' | 'first-argument-seconds' | 'block-option-milliseconds';

/** Limits on arguments that would make the server allocate far more than a lesson needs (argument-limits.ts). */
export type ArgumentLimit =
  | 'setrange-offset'
  | 'setbit-offset'
  | 'bitfield-offsets'
  | 'random-count'
  | 'mpop-count'
  | 'copy-without-db'
  | 'sort-store-without-get'
  | 'memory-samples';

/** Where a command's MATCH/COUNT options are (argument-limits.ts caps every occurrence, as the server reads the last). */
export type ScanOptions = 'pattern-argument' | 'options-after-cursor' | 'options-after-key-and-cursor';

/** Where a command names hash fields or (sorted) set members that it stores, so their length is capped. */
export type StoredNames =
  'every-argument' | 'field-value-pairs' | 'field' | 'zadd-members' | 'zincrby-member' | 'geoadd-members';

/**
 * What a command walks, so that work-limits.ts can measure it on the learner's keys before it runs:
 * the O(1) size command for its source keys, which keys are sources (all, all but a leading
 * destination, or SORT's sorted key, listed last), how the sizes combine (summed, or multiplied for LCS's table), and whether an
 * index range (start stop) or a COUNT option (per source key) narrows it.
 */
export interface WorkRule {
  /** `zset-or-set`, `list-set-or-zset`: ZUNION & co., SORT take more than one type, so a source is whichever it is. */
  measure: 'scard' | 'zcard' | 'hlen' | 'llen' | 'strlen' | 'xlen' | 'zset-or-set' | 'list-set-or-zset';
  sources?: 'all-keys' | 'after-destination' | 'last-key';
  combine?: 'sum' | 'product';
  range?: 'index' | 'count-option';
}

/** Key names in a reply that must lose the learner's prefix (rewrite.ts). */
export type ReplyKeys = 'first-item' | 'each-stream-name' | 'queued-replies';

export interface RunRule {
  action: 'run';
  /** Fixed key positions, a parser for movable keys, or (for a container) each allowed subcommand's positions. */
  keys: KeySpec | { parse: KeyParser; arity: number } | { subcommands: Readonly<Record<string, KeySpec>> };
  limit?: ArgumentLimit;
  blocking?: BlockingTimeout;
  replyKeys?: ReplyKeys;
  scanOptions?: ScanOptions;
  storedNames?: StoredNames;
  /**
   * Arguments that name keys through a pattern (SORT's BY and GET): they take the learner's prefix
   * like keys (rewrite.ts), are capped like key names, and each one costs a lookup per element.
   */
  patterns?: KeyParser;
  /** Source keys that must be distinct: the server walks a repeated source once per mention. */
  distinctSources?: 'all-keys' | 'after-destination';
  work?: WorkRule;
  /** Refused inside MULTI: its cost cannot be bounded at queue time (it depends on keys the queue can change, or on a pattern). */
  notInTransaction?: true;
  /**
   * For a container: the server's other subcommands, refused with this reason. A name in neither
   * list goes to the server, which answers "unknown subcommand" as Valkey does.
   */
  refusedSubcommands?: { names: readonly string[]; why: string };
  /** CVE-2025-32023 guard (hyperloglog-guard.ts): `creates` marks its first key as a trusted HyperLogLog. */
  hyperLogLog?: 'reads' | 'creates';
}

export const EMULATED_COMMANDS = [
  'keys',
  'scan',
  'dbsize',
  'flushdb',
  'flushall',
  'randomkey',
  'info',
  'wait',
] as const;
export type EmulatedCommand = (typeof EMULATED_COMMANDS)[number];

export type CommandRule =
  | RunRule
  | { action: 'emulate'; scanOptions?: ScanOptions }
  /** Pub/sub, on the learner's channels and a console's live stream (live/live-commands.ts); `bounds` for the reference. */
  | { action: 'live'; bounds: string }
  /** `message` gets the command's name in upper case and returns a Valkey error line. */
  | { action: 'refuse'; message: (name: string) => string };

export type CommandTable = Readonly<Record<string, CommandRule>>;
