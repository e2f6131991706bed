/**
 * Every limit the sandbox enforces, in one place, each overridable by an environment variable so
 * that operators (and the load benchmark) can tune them without code changes. The variables and
 * their defaults are in lib/config/env.ts, parsed once.
 */
import { keyspaceEnv, type KeyspaceEnv } from '@/lib/config/env';

export interface SandboxLimits {
  maxLineBytes: number;
  maxArguments: number;
  /** Largest byte offset SETRANGE may write at; SETBIT/BITFIELD get 8× this in bits. */
  maxOffsetBytes: number;
  /** Largest |count| for SRANDMEMBER, ZRANDMEMBER, HRANDFIELD and the pops (LPOP, RPOP, SPOP, ZPOPMIN, ZPOPMAX). */
  maxRandomCount: number;
  /** Blocking commands may wait at most this long. */
  maxBlockSeconds: number;
  /** Longest key, hash field or (sorted) set member name: MATCH patterns cost length × name length per element. */
  maxNameBytes: number;
  /** Longest MATCH pattern of KEYS and every *SCAN; at most MAX_PATTERN_WILDCARDS `*` in it. */
  maxPatternBytes: number;
  /** Largest COUNT of HSCAN, SSCAN and ZSCAN (elements the server visits per call). */
  maxScanCount: number;
  /** Most elements one command may walk (checked before it runs, work-limits.ts), and one MULTI in total. */
  maxWorkElements: number;
  /** Most commands queued in one MULTI. */
  maxQueuedCommands: number;
  /** A raw reply over this size drops the connection instead of being read. */
  maxReplyBytes: number;
  /** Formatted replies are cut (with a note) past this many characters. */
  maxReplyTextChars: number;
  /** Per-learner budget: keys, and bytes as MEMORY USAGE reports them. */
  maxKeys: number;
  maxMemoryBytes: number;
  /** Per-learner budget on the Memcached engine: keys, and bytes of key names plus values (memcached/budget.ts). */
  memcachedMaxKeys: number;
  memcachedMaxBytes: number;
  /** Token buckets: sustained commands per second, with a burst of twice that. */
  ratePerLearner: number;
  ratePerAddress: number;
  /** New learner identities one client address may get per minute. */
  sessionsPerMinute: number;
  /** Learners served at once by this process (each holds an ACL user and, while active, a connection). */
  maxLearners: number;
  /** A learner's connection closes after this idle time; keys and ACL user go after the longer one. */
  connectionIdleSeconds: number;
  learnerIdleSeconds: number;
}

/** Most `*` in one MATCH pattern: each one makes the server retry the rest of the pattern at every position. */
export const MAX_PATTERN_WILDCARDS = 4;

/** LCS fills a table of length × length cells: at most this many per element of maxWorkElements. */
export const LCS_CELLS_PER_WORK_ELEMENT = 100;

let cached: { env: KeyspaceEnv; limits: SandboxLimits } | null = null;

export function sandboxLimits(): SandboxLimits {
  const env = keyspaceEnv();
  // Rebuilt only when resetKeyspaceEnv() gave the environment a new parse (tests).
  if (cached?.env === env) return cached.limits;
  const limits: SandboxLimits = {
    maxLineBytes: env.KEYSPACE_SANDBOX_MAX_LINE_BYTES,
    maxArguments: env.KEYSPACE_SANDBOX_MAX_ARGUMENTS,
    maxOffsetBytes: env.KEYSPACE_SANDBOX_MAX_OFFSET_BYTES,
    maxRandomCount: env.KEYSPACE_SANDBOX_MAX_RANDOM_COUNT,
    maxBlockSeconds: env.KEYSPACE_SANDBOX_MAX_BLOCK_SECONDS,
    maxNameBytes: env.KEYSPACE_SANDBOX_MAX_NAME_BYTES,
    maxPatternBytes: env.KEYSPACE_SANDBOX_MAX_PATTERN_BYTES,
    maxScanCount: env.KEYSPACE_SANDBOX_MAX_SCAN_COUNT,
    maxWorkElements: env.KEYSPACE_SANDBOX_MAX_WORK_ELEMENTS,
    maxQueuedCommands: env.KEYSPACE_SANDBOX_MAX_QUEUED_COMMANDS,
    maxReplyBytes: env.KEYSPACE_SANDBOX_MAX_REPLY_BYTES,
    maxReplyTextChars: env.KEYSPACE_SANDBOX_MAX_REPLY_CHARS,
    maxKeys: env.KEYSPACE_SANDBOX_MAX_KEYS,
    maxMemoryBytes: env.KEYSPACE_SANDBOX_MAX_MEMORY_BYTES,
    memcachedMaxKeys: env.KEYSPACE_SANDBOX_MEMCACHED_MAX_KEYS,
    memcachedMaxBytes: env.KEYSPACE_SANDBOX_MEMCACHED_MAX_BYTES,
    ratePerLearner: env.KEYSPACE_SANDBOX_RATE_PER_LEARNER,
    ratePerAddress: env.KEYSPACE_SANDBOX_RATE_PER_ADDRESS,
    sessionsPerMinute: env.KEYSPACE_SANDBOX_SESSIONS_PER_MINUTE,
    maxLearners: env.KEYSPACE_SANDBOX_MAX_LEARNERS,
    connectionIdleSeconds: env.KEYSPACE_SANDBOX_CONNECTION_IDLE_SECONDS,
    learnerIdleSeconds: env.KEYSPACE_SANDBOX_LEARNER_IDLE_SECONDS,
  };
  cached = { env, limits };
  return limits;
}
