/**
 * The shape of a challenge checked on a lab rather than the sandbox keyspace: on the learner's own
 * cluster or replication lab (lib/labs/cluster), or from their recorded patterns lab results
 * (lib/labs/patterns). Validated at build time, in the frontmatter schema.ts describes.
 */
import { z } from 'zod';
import { checkText, contentId, Expectation, keyName } from './challenge-schema';

/** The lab shapes a lab challenge runs on (lib/labs/cluster). */
export const LabChallengeShape = z.enum(['cluster', 'replication']);
/** Where a lab check's command runs: the cluster (redirects followed), an endpoint, or every replica node. */
const labCheckMode = z.enum(['cluster', 'primary', 'reader', 'replicas', 'node']);
/** With mode `node`: the shard whose primary runs the command (commands may name `$ID_OF_SHARD_n`, `$PORT_OF_SHARD_n`). */
const labShard = z.number().int().min(1).max(3);

export const LabChallengeCheck = z.union([
  z.strictObject({
    ...checkText,
    run: z.string().min(1),
    expect: Expectation,
    mode: labCheckMode.optional(),
    shard: labShard.optional(),
  }),
  /** The shard (1–3) whose primary serves the key's slot. */
  z.strictObject({ ...checkText, slotOwner: z.strictObject({ key: keyName, shard: z.number().int().min(1).max(3) }) }),
  /** The primary now serving the key's shard (or, with `true`, the primary endpoint) is not the one it started with. */
  z.strictObject({ ...checkText, failedOver: z.union([z.literal(true), keyName]) }),
]);
export type LabChallengeCheck = z.infer<typeof LabChallengeCheck>;

/** One step of a lab challenge's reference solution: a command line, or what the lab panel's buttons do. */
export const LabSolutionStep = z.union([
  z.string().min(1),
  z.strictObject({
    run: z.string().min(1),
    mode: z.enum(['cluster', 'primary', 'reader', 'node']),
    shard: labShard.optional(),
  }),
  z.strictObject({
    failover: z.strictObject({
      key: keyName.optional(),
      shard: z.number().int().min(1).max(3).optional(),
      kind: z.enum(['graceful', 'kill']),
    }),
  }),
  z.strictObject({
    reshard: z.strictObject({
      from: z.number().int().min(1).max(3),
      to: z.number().int().min(1).max(3),
      slots: z.number().int().min(1).max(2000),
    }),
  }),
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
  where: z.record(
    z.string().regex(/^[A-Za-z]+(\.[A-Za-z]+)*$/, 'must be a path such as summary.hitRatio'),
    ResultCondition,
  ),
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
