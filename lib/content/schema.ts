/** The shape of lesson frontmatter and of the track list. Validated at build time. */
import { z } from 'zod';

// YAML turns an unquoted 2026-11-26 into a Date; authors should not have to care.
const isoDate = z.preprocess((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value), z.iso.date());

export const LessonFrontmatter = z.strictObject({
  title: z.string().min(3),
  summary: z.string().min(10).max(300),
  track: z.string().regex(/^[a-z0-9-]+$/, 'must be a track id such as "foundations"'),
  order: z.number().int().positive(),
  minutes: z.number().int().positive().max(180),
  objectives: z.array(z.string().min(3)).min(1),
  /** When the lesson's changeable facts (quotas, prices, versions) were last checked. */
  reviewed: isoDate.optional(),
});
export type LessonFrontmatter = z.infer<typeof LessonFrontmatter>;

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
