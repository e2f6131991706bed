/**
 * The drills' shapes: a card's stored state and review history (zod: checked when read back from
 * Valkey and when imported from a file), and what the drill API sends. No server code here, so
 * client components may import it.
 */
import { z } from 'zod';

/** The learner's local calendar day, from getTimezoneOffset() minutes (positive west of UTC). */
export function localDay(ms: number, tzOffsetMinutes: number): string {
  return new Date(ms - tzOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Epoch ms of the start of the learner's local day containing `ms`. */
export function startOfLocalDay(ms: number, tzOffsetMinutes: number): number {
  const local = ms - tzOffsetMinutes * 60_000;
  return local - (local % 86_400_000) + tzOffsetMinutes * 60_000;
}

/** A card's FSRS state as stored: dates as epoch milliseconds, so it survives JSON. */
export const StoredCard = z.strictObject({
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
export type StoredCard = z.infer<typeof StoredCard>;

/** One grade in the review history. */
export const ReviewEntry = z.strictObject({
  cardId: z.string().max(100),
  /** 1 Again, 2 Hard, 3 Good, 4 Easy. */
  grade: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  /** Epoch ms. */
  at: z.number(),
  /** Cram reviews are history only: they did not change the schedule. */
  cram: z.boolean(),
  /** The learner's local day (YYYY-MM-DD) when graded: streaks and daily limits count in it. */
  day: z.string().regex(/^\d{4}-\d\d-\d\d$/),
  /** The card's state before this grade (null for a new card): what undo restores. */
  prev: StoredCard.nullable(),
});
export type ReviewEntry = z.infer<typeof ReviewEntry>;

export const DRILL_EXPORT_FORMAT = 'keyspace-drills';

/** Reviews a learner's history keeps (the oldest go first), and so the most a history file may hold. */
export const MAX_LOG_ENTRIES = 20_000;

export const DrillExport = z.strictObject({
  format: z.literal(DRILL_EXPORT_FORMAT, {
    error: `must be "${DRILL_EXPORT_FORMAT}": this does not look like a Keyspace review history file`,
  }),
  version: z.literal(1, { error: 'must be 1: this file comes from a newer Keyspace' }),
  exportedAt: z.iso.datetime(),
  cards: z.record(z.string().max(100), StoredCard),
  log: z.array(ReviewEntry).max(MAX_LOG_ENTRIES, {
    error: `holds at most ${MAX_LOG_ENTRIES.toLocaleString('en-US')} reviews: the history keeps only the latest ${MAX_LOG_ENTRIES.toLocaleString('en-US')}`,
  }),
});
export type DrillExport = z.infer<typeof DrillExport>;

export const CARD_STATES = ['new', 'learning', 'review', 'relearning'] as const;

/** A card as `GET /api/drills` sends it: the answer as HTML, and each grade's next interval. */
export interface CardView {
  id: string;
  question: string;
  answerHtml: string;
  topic: string;
  lesson: string;
  tags: string[];
  difficulty: string;
  state: (typeof CARD_STATES)[number];
  /** Label of the next interval for each grade, "1"–"4" (Again, Hard, Good, Easy). */
  intervals: Record<string, string>;
}

export interface DrillCounts {
  dueNow: number;
  /** Due before the end of the learner's day, including those due now. */
  dueToday: number;
  newLeftToday: number;
  newPerDay: number;
  /** New cards in this deck that were never reviewed. */
  unseen: number;
  deckSize: number;
}

/** `GET /api/drills`: the next cards to review and where the learner stands. */
export interface DrillQueue {
  cards: CardView[];
  counts: DrillCounts;
  /** When nothing is due now: the next due time in this deck (ms), or null. */
  nextDueAt: number | null;
}

/** `GET /api/drills/stats`. */
export interface DrillStats {
  dueNow: number;
  dueToday: number;
  reviewsToday: number;
  /** Consecutive days, up to today (or yesterday if today has none yet), with at least one review. */
  streak: number;
  cardsSeen: number;
  cardsTotal: number;
  /** Per day for the last 30 days: reviews of cards that were in review, and how many were recalled. */
  retention: { day: string; reviews: number; recalled: number }[];
  /** Cards due per day for the next 14 days; overdue cards count today. */
  forecast: { day: string; due: number }[];
}
