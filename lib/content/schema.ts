/**
 * The shape of lesson and guide frontmatter and of the track list. Validated at build time. The
 * challenges it carries: challenge-schema.ts (sandbox) and lab-challenge-schema.ts (labs).
 */
import { z } from 'zod';
import { ChallengeSpec } from './challenge-schema';
import { LabChallengeSpec, PatternsChallengeSpec } from './lab-challenge-schema';

// YAML turns an unquoted 2026-11-26 into a Date; authors should not have to care.
const isoDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z.iso.date(),
);

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
