/**
 * The shape of a sandbox challenge in lesson or guide frontmatter: its checks, what a check's reply
 * must satisfy, and which check kinds each engine can answer. Validated at build time (schema.ts
 * holds the frontmatter that carries it; lab-challenge-schema.ts the challenges checked on a lab).
 */
import { z } from 'zod';
import { quoteKey } from '../challenges/check-text';
import { SANDBOX_ENGINES, type SandboxEngine } from '../sandbox/engines';

/** A reply value a check may compare with: the JSON form of a sandbox reply (see lib/sandbox/reply.ts). */
const ExpectedReply: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.null(), z.strictObject({ integer: z.string().regex(/^-?\d+$/) }), z.array(ExpectedReply)]),
);
// YAML reads `equals: 42` as a number; authors mean the bulk string "42" (integers are { integer: "42" }).
const replyScalar = z.preprocess((value) => (typeof value === 'number' ? String(value) : value), z.string());
const range = z
  .tuple([z.number().int(), z.number().int()])
  .refine(([min, max]) => min <= max, 'must be [min, max] with min ≤ max');
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
  z.strictObject({
    equals: z.preprocess((value) => (typeof value === 'number' ? String(value) : value), ExpectedReply),
  }),
  z.strictObject({ between: range }),
  z.strictObject({ matches: regex }),
  z.strictObject({ sameMembers: z.array(replyScalar) }),
  z.strictObject({ contains: z.array(replyScalar).min(1) }),
  z.strictObject({ length: range }),
  z.strictObject({ error: regex }),
]);
export type Expectation = z.infer<typeof Expectation>;

/** Every check's label (what it checks) and failure (what the learner sees when it fails); lab-challenge-schema.ts uses them too. */
export const checkText = { label: z.string().min(3), failure: z.string().min(3) };
/** A key name: YAML reads `key: 42` as a number, which authors mean as the key "42". */
export const keyName = z.preprocess((value) => (typeof value === 'number' ? String(value) : value), z.string().min(1));

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

/** A challenge id, unique across all lessons and guides (checked by lib/content/checker). */
export const contentId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens');

export const ChallengeSpec = z
  .strictObject({
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
  })
  .superRefine((spec, context) => {
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
        context.addIssue({
          code: 'custom',
          path: [field],
          message: `is for Valkey challenges only (this one runs on ${engine})`,
        });
  });
export type ChallengeSpec = z.infer<typeof ChallengeSpec>;
/** The engine a sandbox challenge runs on. */
export const challengeEngine = (spec: Pick<ChallengeSpec, 'engine'>): SandboxEngine => spec.engine ?? 'valkey';
