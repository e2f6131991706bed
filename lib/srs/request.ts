/**
 * Query parameters the drill routes share, validated with zod like bodies (read them with
 * `readQuery`): a bad value is a 400 that names the parameter, never a silent default.
 */
import { z } from 'zod';

/** `?tz=<getTimezoneOffset()>`: from -840 (UTC+14) to 720 (UTC-12); UTC when absent. */
const tz = z.coerce
  .number({ error: "must be the browser's getTimezoneOffset(), in minutes" })
  .int("must be the browser's getTimezoneOffset(), in minutes")
  .min(-840, 'must be -840 (UTC+14) or more')
  .max(720, 'must be 720 (UTC-12) or less')
  .default(0);

/** `?tags=cluster-mode,serverless`: empty entries are ignored; the whole deck when absent. */
const tags = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z.string().regex(/^[a-z0-9-]{1,60}$/, 'a tag is lowercase letters, digits and dashes, such as cluster-mode'),
      )
      .max(50, 'at most 50 tags'),
  )
  .default([]);

/** `?cram=1` practises ahead without moving the schedule. */
const cram = z
  .enum(['0', '1'], { error: 'must be 1 (practise ahead, schedule untouched) or 0' })
  .transform((value) => value === '1')
  .default(false);

export const DrillQuery = z.object({ tags, cram, tz });
export const StatsQuery = z.object({ tz });
export const DeckQuery = z.object({ tags });
