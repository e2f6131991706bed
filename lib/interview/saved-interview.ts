/**
 * A mock interview kept in the browser (localStorage), so a reload, a closed tab or a mis-click on
 * a header link does not lose it: the running interview's place, drafts, marks and clocks, or the
 * summary once it is scored. No server code and no React, so the browser and the tests share it.
 *
 * What is kept is plain data, never the questions' HTML: the session is built again from its
 * request (length, topics, seed), which the server turns into the same questions every time
 * (lib/interview/session.ts). The question ids kept beside it tell a changed course apart.
 *
 * The clocks survive because the run keeps wall-clock times: `since` is when the current answering
 * period started (Date.now() of the first page), so after a reload the question timer reads
 * `now - since`, not zero.
 */
import { z } from 'zod';
import { TOPICS } from '@/lib/content/topics';
import {
  INTERVIEW_LENGTHS,
  InterviewResult,
  SELF_ASSESSMENTS,
  type InterviewResultSummary,
  type InterviewSession,
} from './types';

export const SAVED_INTERVIEW_KEY = 'keyspace:interview';

/** An interview last touched longer ago than this is dropped rather than resumed. */
export const SAVED_INTERVIEW_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** The storage calls this module needs: window.localStorage has them. */
export type InterviewStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const noStorage: InterviewStorage = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined };

/** window.localStorage, or a storage that keeps nothing where the browser blocks it: the interview then runs unsaved. */
export function browserStorage(): InterviewStorage {
  try {
    return window.localStorage;
  } catch {
    return noStorage;
  }
}

const Request = z.object({
  minutes: z.literal(INTERVIEW_LENGTHS),
  topics: z.array(z.enum(TOPICS)).min(1),
  seed: z.number().int().min(0).max(0xffff_ffff),
});

/** Where a running interview is: everything but the questions themselves and the screen's passing states. */
export const InterviewProgress = z.object({
  index: z.number().int().min(0),
  revealed: z.boolean(),
  drafts: z.array(z.string()),
  reviews: z.array(
    z.object({ covered: z.array(z.number().int().min(0)), assessment: z.enum(SELF_ASSESSMENTS).nullable() }),
  ),
  spent: z.array(z.number().min(0)),
  since: z.number().nullable(),
});
export type InterviewProgress = z.infer<typeof InterviewProgress>;

const LessonLink = z.object({ slug: z.string(), title: z.string(), href: z.string().regex(/^\/learn\/[a-z0-9-]+$/) });
const Summary = z.object({
  result: InterviewResult,
  weakTopics: z.array(
    z.object({ topic: z.enum(TOPICS), label: z.string(), score: z.number(), lessons: z.array(LessonLink) }),
  ),
  cardsBroughtForward: z.number().int().min(0),
});

const common = {
  version: z.literal(1),
  /** Date.now() of the last save: the age limit counts from here. */
  savedAt: z.number(),
  request: Request,
  /** `kind:id` of each question, in order. */
  questionIds: z.array(z.string()).min(1),
};

export const SavedInterview = z.discriminatedUnion('phase', [
  z.object({ ...common, phase: z.literal('running'), progress: InterviewProgress }),
  z.object({ ...common, phase: z.literal('summary'), answered: z.number().int().min(1), summary: Summary }),
]);
export type SavedInterview = z.infer<typeof SavedInterview>;

/** What the app knows of an interview, to be saved. */
export type InterviewToSave =
  | { phase: 'running'; session: InterviewSession; progress: InterviewProgress }
  | { phase: 'summary'; session: InterviewSession; answered: number; summary: InterviewResultSummary };

export const questionIdsOf = (session: InterviewSession) =>
  session.questions.map((question) => `${question.kind}:${question.id}`);

/** A progress that fits a session of `count` questions: every list as long as the session, the index inside it. */
function fitsSession(progress: InterviewProgress, count: number): boolean {
  return (
    progress.index < count &&
    progress.drafts.length === count &&
    progress.reviews.length === count &&
    progress.spent.length === count
  );
}

/**
 * The saved interview, or null when there is none, it is older than the age limit, or it is not
 * what this version of the app writes (then it is removed, so it is not read again).
 */
export function readSavedInterview(storage: InterviewStorage, now: number): SavedInterview | null {
  const json = storage.getItem(SAVED_INTERVIEW_KEY);
  if (json === null) return null;
  let saved: SavedInterview | null = null;
  try {
    const parsed = SavedInterview.safeParse(JSON.parse(json));
    if (parsed.success) saved = parsed.data;
  } catch {
    // Not JSON: treated as nothing saved.
  }
  const usable =
    saved !== null &&
    now - saved.savedAt <= SAVED_INTERVIEW_MAX_AGE_MS &&
    (saved.phase === 'summary' || fitsSession(saved.progress, saved.questionIds.length));
  if (!usable) {
    storage.removeItem(SAVED_INTERVIEW_KEY);
    return null;
  }
  return saved;
}

/** Saves the interview; false when the browser refuses (storage full or disabled), which costs only the resume. */
export function writeSavedInterview(storage: InterviewStorage, interview: InterviewToSave, now: number): boolean {
  const { session } = interview;
  const common = {
    version: 1 as const,
    savedAt: now,
    request: { minutes: session.minutes, topics: session.topics, seed: session.seed },
    questionIds: questionIdsOf(session),
  };
  const saved: SavedInterview =
    interview.phase === 'running'
      ? { ...common, phase: 'running', progress: interview.progress }
      : { ...common, phase: 'summary', answered: interview.answered, summary: interview.summary };
  try {
    storage.setItem(SAVED_INTERVIEW_KEY, JSON.stringify(saved));
    return true;
  } catch {
    return false;
  }
}

export function clearSavedInterview(storage: InterviewStorage): void {
  storage.removeItem(SAVED_INTERVIEW_KEY);
}

/** True when the session built again from the saved request has the questions the learner was answering. */
export const sameQuestions = (saved: SavedInterview, session: InterviewSession) => {
  const ids = questionIdsOf(session);
  return ids.length === saved.questionIds.length && ids.every((id, at) => id === saved.questionIds[at]);
};

/**
 * Seconds spent answering the current question at `now`: counted from the saved start while the
 * learner answers, frozen while the model answer shows. A reload changes nothing.
 */
export function answeringSeconds(progress: Pick<InterviewProgress, 'index' | 'spent' | 'since'>, now: number): number {
  return progress.since === null ? progress.spent[progress.index]! : Math.max(0, (now - progress.since) / 1000);
}
