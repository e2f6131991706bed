/** Review history entries and the drill export file, as stored and as exported. */
import { z } from 'zod';
import type { StoredCard } from './scheduler';

export interface ReviewEntry {
  cardId: string;
  /** 1 Again, 2 Hard, 3 Good, 4 Easy. */
  grade: 1 | 2 | 3 | 4;
  /** Epoch ms. */
  at: number;
  /** Cram reviews are history only: they did not change the schedule. */
  cram: boolean;
  /** The learner's local day (YYYY-MM-DD) when graded: streaks and daily limits count in it. */
  day: string;
  /** The card's state before this grade (null for a new card): what undo restores. */
  prev: StoredCard | null;
}

/** The learner's local calendar day, from getTimezoneOffset() minutes (positive west of UTC). */
export function localDay(ms: number, tzOffsetMinutes: number): string {
  return new Date(ms - tzOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Epoch ms of the start of the learner's local day containing `ms`. */
export function startOfLocalDay(ms: number, tzOffsetMinutes: number): number {
  const local = ms - tzOffsetMinutes * 60_000;
  return local - (local % 86_400_000) + tzOffsetMinutes * 60_000;
}

const storedCard = z.strictObject({
  due: z.number(),
  stability: z.number(),
  difficulty: z.number(),
  elapsed_days: z.number(),
  scheduled_days: z.number(),
  learning_steps: z.number(),
  reps: z.number().int().min(0),
  lapses: z.number().int().min(0),
  state: z.number().int().min(0).max(3),
  last_review: z.number().nullable(),
});

const reviewEntry = z.strictObject({
  cardId: z.string().max(100),
  grade: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  at: z.number(),
  cram: z.boolean(),
  day: z.string().regex(/^\d{4}-\d\d-\d\d$/),
  prev: storedCard.nullable(),
});

export const DRILL_EXPORT_FORMAT = 'keyspace-drills';

export const DrillExport = z.strictObject({
  format: z.literal(DRILL_EXPORT_FORMAT, { error: `must be "${DRILL_EXPORT_FORMAT}": this does not look like a Keyspace review history file` }),
  version: z.literal(1, { error: 'must be 1: this file comes from a newer Keyspace' }),
  exportedAt: z.iso.datetime(),
  cards: z.record(z.string().max(100), storedCard),
  log: z.array(reviewEntry).max(100_000),
});
export type DrillExport = z.infer<typeof DrillExport>;
