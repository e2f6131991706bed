/**
 * Every limit the sandbox enforces, in one place, each overridable by an environment variable so
 * that operators (and the load benchmark) can tune them without code changes.
 */
function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}".`);
  return value;
}

export interface SandboxLimits {
  maxLineBytes: number;
  maxArguments: number;
  /** Largest byte offset SETRANGE may write at; SETBIT/BITFIELD get 8× this in bits. */
  maxOffsetBytes: number;
  /** Largest |count| for SRANDMEMBER, ZRANDMEMBER and HRANDFIELD. */
  maxRandomCount: number;
  /** Blocking commands may wait at most this long. */
  maxBlockSeconds: number;
  /** A raw reply over this size drops the connection instead of being read. */
  maxReplyBytes: number;
  /** Formatted replies are cut (with a note) past this many characters. */
  maxReplyTextChars: number;
  /** Per-learner budget: keys, and bytes as MEMORY USAGE reports them. */
  maxKeys: number;
  maxMemoryBytes: number;
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

export function sandboxLimits(): SandboxLimits {
  return {
    maxLineBytes: numberFromEnv('KEYSPACE_SANDBOX_MAX_LINE_BYTES', 16 * 1024),
    maxArguments: numberFromEnv('KEYSPACE_SANDBOX_MAX_ARGUMENTS', 100),
    maxOffsetBytes: numberFromEnv('KEYSPACE_SANDBOX_MAX_OFFSET_BYTES', 65_536),
    maxRandomCount: numberFromEnv('KEYSPACE_SANDBOX_MAX_RANDOM_COUNT', 1_000),
    maxBlockSeconds: numberFromEnv('KEYSPACE_SANDBOX_MAX_BLOCK_SECONDS', 5),
    maxReplyBytes: numberFromEnv('KEYSPACE_SANDBOX_MAX_REPLY_BYTES', 1024 * 1024),
    maxReplyTextChars: numberFromEnv('KEYSPACE_SANDBOX_MAX_REPLY_CHARS', 64 * 1024),
    maxKeys: numberFromEnv('KEYSPACE_SANDBOX_MAX_KEYS', 1_000),
    maxMemoryBytes: numberFromEnv('KEYSPACE_SANDBOX_MAX_MEMORY_BYTES', 8 * 1024 * 1024),
    ratePerLearner: numberFromEnv('KEYSPACE_SANDBOX_RATE_PER_LEARNER', 10),
    ratePerAddress: numberFromEnv('KEYSPACE_SANDBOX_RATE_PER_ADDRESS', 30),
    sessionsPerMinute: numberFromEnv('KEYSPACE_SANDBOX_SESSIONS_PER_MINUTE', 10),
    maxLearners: numberFromEnv('KEYSPACE_SANDBOX_MAX_LEARNERS', 1_000),
    connectionIdleSeconds: numberFromEnv('KEYSPACE_SANDBOX_CONNECTION_IDLE_SECONDS', 120),
    learnerIdleSeconds: numberFromEnv('KEYSPACE_SANDBOX_LEARNER_IDLE_SECONDS', 3_600),
  };
}
