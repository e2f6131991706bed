/** The shape of lesson frontmatter and of the track list. Validated at build time. */
import { z } from 'zod';
import { quoteKey } from '../challenges/check-text';
import { SANDBOX_ENGINES, type SandboxEngine } from '../sandbox/engines';

// YAML turns an unquoted 2026-11-26 into a Date; authors should not have to care.
const isoDate = z.preprocess((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value), z.iso.date());

/** A reply value a check may compare with: the JSON form of a sandbox reply (see lib/sandbox/reply.ts). */
const ExpectedReply: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.null(), z.strictObject({ integer: z.string().regex(/^-?\d+$/) }), z.array(ExpectedReply)]),
);
// YAML reads `equals: 42` as a number; authors mean the bulk string "42" (integers are { integer: "42" }).
const replyScalar = z.preprocess((value) => (typeof value === 'number' ? String(value) : value), z.string());
const range = z.tuple([z.number().int(), z.number().int()]).refine(([min, max]) => min <= max, 'must be [min, max] with min ≤ max');
const regex = z.string().refine((source) => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}, 'is not a valid JavaScript regular expression');

/** What one check's reply must satisfy: exactly one rule per check. */
export const Expectation = z.union([
  z.strictObject({ equals: z.preprocess((value) => (typeof value === 'number' ? String(value) : value), ExpectedReply) }),
  z.strictObject({ between: range }),
  z.strictObject({ matches: regex }),
  z.strictObject({ sameMembers: z.array(replyScalar) }),
  z.strictObject({ contains: z.array(replyScalar).min(1) }),
  z.strictObject({ length: range }),
  z.strictObject({ error: regex }),
]);
export type Expectation = z.infer<typeof Expectation>;

const checkText = { label: z.string().min(3), failure: z.string().min(3) };
const keyName = z.preprocess((value) => (typeof value === 'number' ? String(value) : value), z.string().min(1));

export const ChallengeCheck = z.union([
  z.strictObject({ ...checkText, run: z.string().min(1), expect: Expectation }),
  z.strictObject({ ...checkText, key: keyName, type: z.enum(['string', 'list', 'set', 'zset', 'hash', 'stream']) }),
  z.strictObject({ ...checkText, key: keyName, absent: z.literal(true) }),
  /**
   * A string key's value (GET on Valkey and Redis OSS; on Memcached the item's data, read by the
   * app), and, with `ttl`, its seconds to live within [min, max] (-1: no expiry).
   */
  z.strictObject({ ...checkText, key: keyName, value: Expectation, ttl: range.optional() }),
  z.strictObject({ ...checkText, sameSlot: z.array(keyName).min(2) }),
  /** Read commands whose replies must all succeed and all differ (e.g. three keys' TTLs: jitter, not one TTL). */
  z.strictObject({ ...checkText, distinct: z.array(z.string().min(1)).min(2) }),
  /**
   * How many of the learner's consoles listen right now (another tab's, say): on a channel (PUBSUB
   * NUMSUB) or to patterns (PUBSUB NUMPAT, the learner's distinct patterns). At least 1 unless
   * `between` says otherwise. The content checker holds a live console open for the solution's
   * SUBSCRIBE steps while the checks run.
   */
  z.strictObject({
    ...checkText,
    subscribers: z.union([
      z.strictObject({ channel: keyName, between: range.optional() }),
      z.strictObject({ patterns: z.literal(true), between: range.optional() }),
    ]),
  }),
]);
export type ChallengeCheck = z.infer<typeof ChallengeCheck>;
export type ValueCheck = Extract<ChallengeCheck, { value: unknown }>;

/** The check kinds, by the field that names each. */
type CheckKind = 'run' | 'type' | 'absent' | 'value' | 'sameSlot' | 'distinct' | 'subscribers';
const checkKind = (check: ChallengeCheck): CheckKind =>
  (['run', 'type', 'absent', 'value', 'sameSlot', 'distinct', 'subscribers'] as const).find((kind) => kind in check)!;

/**
 * Which check kinds each engine can answer. Memcached has no types, slots or pub/sub, and its checks
 * read items through the app (lib/sandbox/memcached readMemcachedKey) rather than run commands;
 * subscribers are counted on Valkey's live consoles only.
 */
export const ENGINE_CHECK_KINDS: Record<SandboxEngine, readonly CheckKind[]> = {
  valkey: ['run', 'type', 'absent', 'value', 'sameSlot', 'distinct', 'subscribers'],
  redis: ['run', 'type', 'absent', 'value', 'sameSlot', 'distinct'],
  memcached: ['absent', 'value'],
};

const CHECK_KIND_EXAMPLES: Record<CheckKind, string> = {
  run: 'run: + expect:',
  type: 'key: + type:',
  absent: 'key: + absent: true',
  value: 'key: + value: (+ ttl:)',
  sameSlot: 'sameSlot:',
  distinct: 'distinct:',
  subscribers: 'subscribers:',
};
export type SubscribersCheck = Extract<ChallengeCheck, { subscribers: unknown }>;

/** The PUBSUB line a `subscribers:` check reads (a channel quoted as valkey-cli reads it back). */
export function subscribersCommandLine(check: SubscribersCheck): string {
  const target = check.subscribers;
  if (!('channel' in target)) return 'PUBSUB NUMPAT';
  return `PUBSUB NUMSUB ${quoteKey(target.channel)}`;
}

/** The command lines a check runs on the learner's keys: its `run`, or each of its `distinct` lines. */
export function checkCommandLines(check: ChallengeCheck): string[] {
  if ('run' in check) return [check.run];
  if ('distinct' in check) return check.distinct;
  if ('subscribers' in check) return [subscribersCommandLine(check)];
  return [];
}

const contentId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens');

export const ChallengeSpec = z.strictObject({
  id: contentId,
  title: z.string().min(3),
  /** The reference solution: command lines that, run in order on an empty keyspace, pass every check. */
  solution: z.array(z.string().min(1)).min(1),
  /** Command names the learner must not use while solving it (e.g. KEYS in a lesson on SCAN). */
  forbid: z.array(z.string().regex(/^[A-Za-z_|]+$/)).optional(),
  /**
   * Command names the learner must have used since their previous check of this challenge (checks run
   * after each burst of commands, so: the command that made the final change, such as INCR or EXEC).
   */
  require: z.array(z.string().regex(/^[A-Za-z_|]+$/)).optional(),
  checks: z.array(ChallengeCheck).min(1),
  /** The engine the learner solves it on and the checks read (Valkey when left out). */
  engine: z.enum(SANDBOX_ENGINES, { error: `must be one of ${SANDBOX_ENGINES.join(', ')}` }).optional(),
  /** No `lab`: a sandbox challenge (the key lets authors' mistakes be reported per field, below). */
  lab: z.undefined().optional(),
}).superRefine((spec, context) => {
  const engine = spec.engine ?? 'valkey';
  const allowed = ENGINE_CHECK_KINDS[engine];
  spec.checks.forEach((check, index) => {
    const kind = checkKind(check);
    if (!allowed.includes(kind))
      context.addIssue({
        code: 'custom',
        path: ['checks', index],
        message: `a ${CHECK_KIND_EXAMPLES[kind]} check cannot run on ${engine}: use ${allowed.map((each) => CHECK_KIND_EXAMPLES[each]).join(', ')}`,
      });
  });
  // Which commands a learner used is recorded from their Valkey console only.
  for (const field of ['forbid', 'require'] as const)
    if (engine !== 'valkey' && spec[field]?.length)
      context.addIssue({ code: 'custom', path: [field], message: `is for Valkey challenges only (this one runs on ${engine})` });
});
export type ChallengeSpec = z.infer<typeof ChallengeSpec>;
/** The engine a sandbox challenge runs on. */
export const challengeEngine = (spec: Pick<ChallengeSpec, 'engine'>): SandboxEngine => spec.engine ?? 'valkey';

/** The lab shapes a lab challenge runs on (lib/labs/cluster). */
export const LabChallengeShape = z.enum(['cluster', 'replication']);
/** Where a lab check's command runs: the cluster (redirects followed), an endpoint, or every replica node. */
const labCheckMode = z.enum(['cluster', 'primary', 'reader', 'replicas', 'node']);
/** With mode `node`: the shard whose primary runs the command (commands may name `$ID_OF_SHARD_n`, `$PORT_OF_SHARD_n`). */
const labShard = z.number().int().min(1).max(3);

export const LabChallengeCheck = z.union([
  z.strictObject({ ...checkText, run: z.string().min(1), expect: Expectation, mode: labCheckMode.optional(), shard: labShard.optional() }),
  /** The shard (1–3) whose primary serves the key's slot. */
  z.strictObject({ ...checkText, slotOwner: z.strictObject({ key: keyName, shard: z.number().int().min(1).max(3) }) }),
  /** The primary now serving the key's shard (or, with `true`, the primary endpoint) is not the one it started with. */
  z.strictObject({ ...checkText, failedOver: z.union([z.literal(true), keyName]) }),
]);
export type LabChallengeCheck = z.infer<typeof LabChallengeCheck>;

/** One step of a lab challenge's reference solution: a command line, or what the lab panel's buttons do. */
export const LabSolutionStep = z.union([
  z.string().min(1),
  z.strictObject({ run: z.string().min(1), mode: z.enum(['cluster', 'primary', 'reader', 'node']), shard: labShard.optional() }),
  z.strictObject({
    failover: z.strictObject({ key: keyName.optional(), shard: z.number().int().min(1).max(3).optional(), kind: z.enum(['graceful', 'kill']) }),
  }),
  z.strictObject({ reshard: z.strictObject({ from: z.number().int().min(1).max(3), to: z.number().int().min(1).max(3), slots: z.number().int().min(1).max(2000) }) }),
]);
export type LabSolutionStep = z.infer<typeof LabSolutionStep>;

/** A challenge checked on the learner's own cluster lab instead of their sandbox keyspace. */
export const LabChallengeSpec = z.strictObject({
  id: contentId,
  title: z.string().min(3),
  lab: LabChallengeShape,
  /** The reference solution, run in order on a freshly started lab of that shape. */
  solution: z.array(LabSolutionStep).min(1),
  checks: z.array(LabChallengeCheck).min(1),
});
export type LabChallengeSpec = z.infer<typeof LabChallengeSpec>;

/**
 * The patterns lab's recorded results a patterns challenge may look at (lib/labs/patterns/results.ts):
 * a workload run's final GET body, a stampede's, an eviction run's or a pipelining run's POST answer.
 */
export const PatternsResultKind = z.enum(['run', 'stampede', 'eviction', 'pipelining']);
/** What a figure of a result must be: equal to a value, within bounds, or one of a list. */
const ResultCondition = z.union([
  z.union([z.string(), z.number(), z.boolean()]),
  z
    .strictObject({ min: z.number().optional(), max: z.number().optional() })
    .refine((bounds) => bounds.min !== undefined || bounds.max !== undefined, 'needs min, max or both'),
  z.strictObject({ oneOf: z.array(z.union([z.string(), z.number()])).min(1) }),
]);
export type ResultCondition = z.infer<typeof ResultCondition>;

/** Passes when one and the same recorded result of that kind meets every condition (keys are paths: "summary.hitRatio"). */
export const PatternsChallengeCheck = z.strictObject({
  ...checkText,
  result: PatternsResultKind,
  where: z.record(z.string().regex(/^[A-Za-z]+(\.[A-Za-z]+)*$/, 'must be a path such as summary.hitRatio'), ResultCondition),
});
export type PatternsChallengeCheck = z.infer<typeof PatternsChallengeCheck>;

/** One step of a patterns challenge's reference solution: an experiment, exactly as its API takes it. */
export const PatternsSolutionStep = z.union([
  z.strictObject({
    workload: z.strictObject({
      pattern: z.enum(['none', 'cache-aside', 'read-through', 'write-through', 'write-behind', 'refresh-ahead']),
      seconds: z.number().int().min(1).max(30),
      concurrency: z.number().int().min(1).max(100),
      zipf: z.number().min(0),
      readShare: z.number().min(0).max(1),
      ttlSeconds: z.number().int().min(1),
      jitter: z.boolean(),
      valueBytes: z.number().int().min(1),
    }),
  }),
  z.strictObject({
    stampede: z.strictObject({
      readers: z.number().int().min(1).max(500),
      strategy: z.enum(['none', 'lock', 'early', 'stale']),
      beta: z.number().positive().optional(),
    }),
  }),
  z.strictObject({
    eviction: z.strictObject({
      policy: z.enum([
        'noeviction',
        'allkeys-lru',
        'allkeys-lfu',
        'allkeys-random',
        'volatile-lru',
        'volatile-lfu',
        'volatile-ttl',
        'volatile-random',
      ]),
    }),
  }),
  z.strictObject({
    pipelining: z.strictObject({
      commands: z.number().int().min(100).max(10_000),
      latencyMs: z.number().int().min(0).max(5),
    }),
  }),
]);
export type PatternsSolutionStep = z.infer<typeof PatternsSolutionStep>;

/** A challenge verified from the learner's recorded patterns lab results (components/labs/patterns). */
export const PatternsChallengeSpec = z.strictObject({
  id: contentId,
  title: z.string().min(3),
  lab: z.literal('patterns'),
  /** The reference solution, run in order for a learner with no results yet. */
  solution: z.array(PatternsSolutionStep).min(1),
  checks: z.array(PatternsChallengeCheck).min(1),
});
export type PatternsChallengeSpec = z.infer<typeof PatternsChallengeSpec>;

/** Any kind: a lab challenge names its `lab`, a sandbox challenge does not (so errors name the field at fault). */
export const AnyChallengeSpec = z.discriminatedUnion('lab', [ChallengeSpec, LabChallengeSpec, PatternsChallengeSpec]);
export type AnyChallengeSpec = z.infer<typeof AnyChallengeSpec>;
/** A challenge checked on the learner's own cluster lab. */
export const isLabChallenge = (spec: AnyChallengeSpec): spec is LabChallengeSpec =>
  spec.lab === 'cluster' || spec.lab === 'replication';
/** A challenge checked against the learner's recorded patterns lab results. */
export const isPatternsChallenge = (spec: AnyChallengeSpec): spec is PatternsChallengeSpec => spec.lab === 'patterns';
/** A challenge checked on the learner's sandbox keyspace. */
export const isSandboxChallenge = (spec: AnyChallengeSpec): spec is ChallengeSpec => spec.lab === undefined;

export const LessonFrontmatter = z.strictObject({
  title: z.string().min(3),
  summary: z.string().min(10).max(300),
  track: z.string().regex(/^[a-z0-9-]+$/, 'must be a track id such as "foundations"'),
  order: z.number().int().positive(),
  minutes: z.number().int().positive().max(180),
  objectives: z.array(z.string().min(3)).min(1),
  /** When the lesson's changeable facts (quotas, prices, versions) were last checked. */
  reviewed: isoDate.optional(),
  challenges: z.array(AnyChallengeSpec).optional(),
});
export type LessonFrontmatter = z.infer<typeof LessonFrontmatter>;

/**
 * A guide's frontmatter (content/guides/*.mdx): only demo challenges, which belong to no lesson, so
 * passing one is checked but never counted as progress.
 */
export const GuideFrontmatter = z.strictObject({
  challenges: z.array(ChallengeSpec).optional(),
});
export type GuideFrontmatter = z.infer<typeof GuideFrontmatter>;

export const Track = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(3),
  summary: z.string().min(10),
});
export type Track = z.infer<typeof Track>;

export const TrackList = z.array(Track).min(1);

/** "field": message, for the first few problems: enough to fix the file without a stack trace. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? `"${issue.path.join('.')}"` : '(frontmatter)'}: ${issue.message}`)
    .join('; ');
}
