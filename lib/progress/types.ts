/** A learner's progress through the lessons, as the API sends it and as an export file holds it. */
import { z } from 'zod';

const timestamp = z.iso.datetime();

export const QuizRecord = z.strictObject({
  /** The choices picked on the latest attempt (indexes into the quiz's choices). */
  choices: z.array(z.number().int().min(0).max(50)).max(50),
  correct: z.boolean(),
  /** Whether the first attempt was right: the score that counts. */
  firstTryCorrect: z.boolean(),
  attempts: z.number().int().min(1).max(1_000_000),
  at: timestamp,
});
export type QuizRecord = z.infer<typeof QuizRecord>;

export const Progress = z.strictObject({
  /** Lesson slug → when the learner reached its end. */
  lessons: z.record(z.string().max(100), timestamp),
  quizzes: z.record(z.string().max(100), QuizRecord),
  /** Challenge id → when it first passed. */
  challenges: z.record(z.string().max(100), timestamp),
  /**
   * The lesson the learner last opened, answered a quiz in or passed a challenge of: where
   * "Continue" leads while it is not done. Absent for a new learner and in older export files.
   */
  lastLesson: z.string().max(100).optional(),
});
export type Progress = z.infer<typeof Progress>;

export const PROGRESS_EXPORT_FORMAT = 'keyspace-progress';

export const ProgressExport = z.strictObject({
  format: z.literal(PROGRESS_EXPORT_FORMAT, {
    error: `must be "${PROGRESS_EXPORT_FORMAT}": this does not look like a Keyspace progress file`,
  }),
  version: z.literal(1, { error: 'must be 1: this file comes from a newer Keyspace' }),
  exportedAt: timestamp,
  progress: Progress,
});
export type ProgressExport = z.infer<typeof ProgressExport>;

export const emptyProgress = (): Progress => ({ lessons: {}, quizzes: {}, challenges: {} });
