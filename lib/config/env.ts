/**
 * Every KEYSPACE_* environment variable, validated in one place. `.env.example` at the repository
 * root lists them with their defaults; keep the two in step.
 *
 * The app reads `keyspaceEnv()`, parsed once and cached: request paths must not re-parse the
 * environment. Scripts that pass their own env object call `parseEnv(env)`. Tests that change
 * process.env call `resetKeyspaceEnv()` so that the next read sees their values.
 */
import { z } from 'zod';

/** An unset variable and an empty one mean the same: use the default. */
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

const positiveNumber = (fallback: number) =>
  z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number({ error: 'must be a positive number' })
      .positive({ error: 'must be a positive number' })
      .finite()
      .default(fallback),
  );

const optionalText = z.preprocess(unsetIfEmpty, z.string().optional());

const flag = z
  .preprocess(unsetIfEmpty, z.enum(['0', '1'], { error: 'must be 1 (on) or 0 (off)' }).default('0'))
  .transform((value) => value === '1');

/** A whole number from `min` to `max`, with one message for every way to miss it. */
const wholeNumber = (min: number, max: number, error: string) =>
  z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });

const port = z.preprocess(unsetIfEmpty, wholeNumber(1, 65535, 'must be a port number (1–65535)').optional());

const valkeyUrl = z.preprocess(
  unsetIfEmpty,
  z
    .string()
    .refine((value) => URL.canParse(value) && ['redis:', 'rediss:'].includes(new URL(value).protocol), {
      error: 'must be a redis:// or rediss:// URL, such as redis://user:password@host:6379',
    })
    .optional(),
);

/** One trusted proxy: an IPv4 or IPv6 address, optionally with a prefix length (checked again by net.BlockList). */
const PROXY_ENTRY = /^(\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?|[\da-f]*:[\da-f:.]*(\/\d{1,3})?)$/i;

const envSchema = z.object({
  // Where the app finds its two Valkey servers; `npm start` sets both when it starts them itself.
  KEYSPACE_SANDBOX_URL: valkeyUrl,
  KEYSPACE_APP_URL: valkeyUrl,
  // The sandbox's other engines (lib/sandbox/engines.ts): a Redis OSS server and a Memcached server.
  KEYSPACE_REDIS_URL: valkeyUrl,
  KEYSPACE_MEMCACHED_URL: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .refine((value) => URL.canParse(value) && new URL(value).protocol === 'memcached:', {
        error: 'must be a memcached:// URL, such as memcached://user:password@host:11211',
      })
      .optional(),
  ),
  KEYSPACE_VALKEY_CA_FILE: optionalText,
  KEYSPACE_SESSION_SECRET: optionalText,
  KEYSPACE_TRUST_PROXY: flag,
  KEYSPACE_TRUSTED_PROXIES: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .refine((value) => value.split(',').every((entry) => PROXY_ENTRY.test(entry.trim())), {
        error: 'must be comma-separated IP addresses or CIDR ranges, such as 127.0.0.1,10.0.0.0/8,fc00::/7',
      })
      .default('127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7'),
  ),
  KEYSPACE_BENCH_ROUTES: flag,
  KEYSPACE_HEALTH_DETAIL: flag,
  // Local servers and scripts.
  KEYSPACE_HOST: z.preprocess(unsetIfEmpty, z.string().default('127.0.0.1')),
  KEYSPACE_PORT_OFFSET: z.preprocess(
    unsetIfEmpty,
    wholeNumber(0, 1000, 'must be an integer from 0 to 1000').default(0),
  ),
  KEYSPACE_SANDBOX_PORT: port,
  KEYSPACE_APP_PORT: port,
  KEYSPACE_DATA_DIR: z.preprocess(unsetIfEmpty, z.string().default('.data')),
  KEYSPACE_VALKEY_SERVER: optionalText,
  KEYSPACE_REDIS_SERVER: optionalText,
  KEYSPACE_MEMCACHED_SERVER: optionalText,
  KEYSPACE_CHROMIUM_PATH: optionalText,
  // Sandbox limits (lib/sandbox/limits.ts says what each one bounds).
  KEYSPACE_SANDBOX_MAX_LINE_BYTES: positiveNumber(16 * 1024),
  KEYSPACE_SANDBOX_MAX_ARGUMENTS: positiveNumber(100),
  KEYSPACE_SANDBOX_MAX_OFFSET_BYTES: positiveNumber(65_536),
  KEYSPACE_SANDBOX_MAX_RANDOM_COUNT: positiveNumber(1_000),
  KEYSPACE_SANDBOX_MAX_BLOCK_SECONDS: positiveNumber(5),
  KEYSPACE_SANDBOX_MAX_NAME_BYTES: positiveNumber(128),
  KEYSPACE_SANDBOX_MAX_PATTERN_BYTES: positiveNumber(32),
  KEYSPACE_SANDBOX_MAX_SCAN_COUNT: positiveNumber(1_000),
  KEYSPACE_SANDBOX_MAX_WORK_ELEMENTS: positiveNumber(10_000),
  KEYSPACE_SANDBOX_MAX_QUEUED_COMMANDS: positiveNumber(20),
  KEYSPACE_SANDBOX_MAX_REPLY_BYTES: positiveNumber(1024 * 1024),
  KEYSPACE_SANDBOX_MAX_REPLY_CHARS: positiveNumber(64 * 1024),
  KEYSPACE_SANDBOX_MAX_KEYS: positiveNumber(1_000),
  KEYSPACE_SANDBOX_MAX_MEMORY_BYTES: positiveNumber(8 * 1024 * 1024),
  KEYSPACE_SANDBOX_MEMCACHED_MAX_KEYS: positiveNumber(1_000),
  KEYSPACE_SANDBOX_MEMCACHED_MAX_BYTES: positiveNumber(1024 * 1024),
  KEYSPACE_SANDBOX_RATE_PER_LEARNER: positiveNumber(10),
  KEYSPACE_SANDBOX_RATE_PER_ADDRESS: positiveNumber(30),
  KEYSPACE_SANDBOX_SESSIONS_PER_MINUTE: positiveNumber(10),
  KEYSPACE_SANDBOX_MAX_LEARNERS: positiveNumber(1_000),
  KEYSPACE_SANDBOX_CONNECTION_IDLE_SECONDS: positiveNumber(120),
  KEYSPACE_SANDBOX_LEARNER_IDLE_SECONDS: positiveNumber(3_600),
  KEYSPACE_WRITES_PER_LEARNER: positiveNumber(5),
  KEYSPACE_WRITES_PER_ADDRESS: positiveNumber(20),
  KEYSPACE_IMPORTS_PER_MINUTE: positiveNumber(6),
  // The cluster lab (lib/labs/cluster/settings.ts says what each one bounds).
  KEYSPACE_LAB_MAX_LABS: positiveNumber(4),
  KEYSPACE_LAB_IDLE_SECONDS: positiveNumber(15 * 60),
  KEYSPACE_LAB_MAXMEMORY_MB: positiveNumber(32),
  KEYSPACE_LAB_NODE_TIMEOUT_MS: positiveNumber(2_000),
  KEYSPACE_LAB_FIRST_PORT: port,
  KEYSPACE_LAB_PORT_COUNT: z.preprocess(
    unsetIfEmpty,
    wholeNumber(6, 1000, 'must be an integer from 6 to 1000').optional(),
  ),
  // The caching-patterns lab (lib/labs/patterns/settings.ts says what each one does).
  KEYSPACE_ORIGIN_URL: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .refine((value) => URL.canParse(value) && ['postgres:', 'postgresql:'].includes(new URL(value).protocol), {
        error: 'must be a postgres:// URL, such as postgres://user:password@host:5432/keyspace',
      })
      .optional(),
  ),
  KEYSPACE_ORIGIN_LATENCY_MS: z.preprocess(
    unsetIfEmpty,
    wholeNumber(0, 1000, 'must be an integer from 0 to 1000').default(5),
  ),
  KEYSPACE_ORIGIN_PRODUCTS: z.preprocess(
    unsetIfEmpty,
    wholeNumber(10, 1_000_000, 'must be an integer from 10 to 1000000').optional(),
  ),
  KEYSPACE_ORIGIN_REVIEWS: z.preprocess(
    unsetIfEmpty,
    wholeNumber(0, 10_000_000, 'must be an integer from 0 to 10000000').optional(),
  ),
  KEYSPACE_PATTERNS_CACHE_MAXMEMORY_MB: positiveNumber(64),
  KEYSPACE_PATTERNS_EVICTION_MAXMEMORY_MB: positiveNumber(4),
  KEYSPACE_PATTERNS_CACHE_PORT: port,
  KEYSPACE_PATTERNS_EVICTION_PORT: port,
});

export type KeyspaceEnv = z.infer<typeof envSchema>;
export type KeyspaceVariable = keyof KeyspaceEnv;
export const KEYSPACE_VARIABLES = Object.keys(envSchema.shape) as KeyspaceVariable[];

/** process.env, or a copy of it with some variables changed. */
export type EnvSource = Readonly<Record<string, string | undefined>>;

/** Parses the KEYSPACE_* variables of `source`; throws one message naming every bad variable. */
export function parseEnv(source: EnvSource = process.env): KeyspaceEnv {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return `${name} ${issue.message}, got "${source[name]}".`;
  });
  throw new Error(problems.join('\n'));
}

let cached: KeyspaceEnv | null = null;

/** process.env's KEYSPACE_* variables, parsed on first use. */
export function keyspaceEnv(): KeyspaceEnv {
  return (cached ??= parseEnv(process.env));
}

/** Forgets the parsed values; for tests that change process.env. */
export function resetKeyspaceEnv(): void {
  cached = null;
}
