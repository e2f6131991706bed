'use client';

import { useReducer } from 'react';
import type { InterviewProgress } from '@/lib/interview/saved-interview';
import type { InterviewAnswer, InterviewQuestion, InterviewSession, SelfAssessment } from '@/lib/interview/types';

export interface Review {
  covered: number[];
  assessment: SelfAssessment | null;
}

export type Saving =
  { status: 'idle' } | { status: 'saving'; count: number } | { status: 'error'; count: number; error: string };

/** Everything about a run but the ticking clock: which question, what was typed and marked, the answering seconds. */
export interface InterviewRun {
  index: number;
  revealed: boolean;
  drafts: string[];
  reviews: Review[];
  /** Answering seconds per question, set when its model answer is shown. */
  spent: number[];
  /** When the current question's answering started (ms); null while reviewing. */
  since: number | null;
  missingAssessment: boolean;
  confirmingEnd: boolean;
  saving: Saving;
}

export type InterviewAction =
  | { type: 'draft'; text: string }
  /** `at`: the time the model answer was asked for (ms). */
  | { type: 'reveal'; at: number }
  | { type: 'cover'; point: number; covered: boolean }
  | { type: 'assess'; assessment: SelfAssessment }
  | { type: 'assessmentMissing' }
  /** `at`: when the next question's answering starts (ms). */
  | { type: 'next'; at: number }
  | { type: 'confirmEnd'; open: boolean }
  | { type: 'saving'; count: number }
  | { type: 'saveFailed'; count: number; error: string };

/** Ten hours: the most answering time one question or one interview records. */
export const MAX_SECONDS = 36_000;

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const replaceAt = <T>(values: readonly T[], at: number, value: T): T[] =>
  values.map((entry, index) => (index === at ? value : entry));

export function startRun(questionCount: number, startedAt: number): InterviewRun {
  return {
    index: 0,
    revealed: false,
    drafts: Array.from({ length: questionCount }, () => ''),
    reviews: Array.from({ length: questionCount }, () => ({ covered: [], assessment: null })),
    spent: Array.from({ length: questionCount }, () => 0),
    since: startedAt,
    missingAssessment: false,
    confirmingEnd: false,
    saving: { status: 'idle' },
  };
}

/** A run picked up where a saved one was: same place, drafts, marks and clock start; nothing pending. */
export function resumeRun(progress: InterviewProgress): InterviewRun {
  return { ...progress, missingAssessment: false, confirmingEnd: false, saving: { status: 'idle' } };
}

/** What of a run is worth saving (lib/interview/saved-interview.ts): not the prompts and pending saves of the moment. */
export function progressOf(run: InterviewRun): InterviewProgress {
  const { index, revealed, drafts, reviews, spent, since } = run;
  return { index, revealed, drafts, reviews, spent, since };
}

export function interviewRunReducer(run: InterviewRun, action: InterviewAction): InterviewRun {
  const review = run.reviews[run.index]!;
  switch (action.type) {
    case 'draft':
      return { ...run, drafts: replaceAt(run.drafts, run.index, action.text) };
    case 'reveal': {
      if (run.revealed) return run;
      const seconds =
        run.since === null ? run.spent[run.index]! : Math.min(MAX_SECONDS, Math.round((action.at - run.since) / 1000));
      return {
        ...run,
        spent: replaceAt(run.spent, run.index, seconds),
        since: null,
        revealed: true,
        confirmingEnd: false,
      };
    }
    case 'cover': {
      const covered = action.covered
        ? [...review.covered.filter((value) => value !== action.point), action.point].sort((a, b) => a - b)
        : review.covered.filter((value) => value !== action.point);
      return { ...run, reviews: replaceAt(run.reviews, run.index, { ...review, covered }) };
    }
    case 'assess':
      return {
        ...run,
        reviews: replaceAt(run.reviews, run.index, { ...review, assessment: action.assessment }),
        missingAssessment: false,
      };
    case 'assessmentMissing':
      return { ...run, missingAssessment: true };
    case 'next':
      if (run.index + 1 >= run.drafts.length) return run;
      return { ...run, index: run.index + 1, revealed: false, since: action.at, missingAssessment: false };
    case 'confirmEnd':
      return { ...run, confirmingEnd: action.open };
    case 'saving':
      return { ...run, confirmingEnd: false, saving: { status: 'saving', count: action.count } };
    case 'saveFailed':
      return { ...run, saving: { status: 'error', count: action.count, error: action.error } };
  }
}

/** A flashcard is marked once it has a self-assessment; a scenario's rubric may be left empty. */
export const isMarked = (question: InterviewQuestion, review: Review) =>
  question.kind === 'scenario' || review.assessment !== null;

/** Ending early scores the questions reviewed so far; the current one counts once its rubric is marked. */
export function reviewedCount(run: InterviewRun, question: InterviewQuestion): number {
  return run.revealed && isMarked(question, run.reviews[run.index]!) ? run.index + 1 : run.index;
}

/** Seconds spent answering every question but the current one. */
export const spentOnOthers = (run: InterviewRun) => sum(run.spent) - run.spent[run.index]!;

/** The result request's answers and time for the first `count` questions (all reviewed). */
export function interviewAnswers(
  session: InterviewSession,
  run: InterviewRun,
  count: number,
): { answers: InterviewAnswer[]; elapsedSeconds: number } {
  const answers = session.questions.slice(0, count).map((entry, at): InterviewAnswer => {
    const seconds = run.spent[at]!;
    return entry.kind === 'scenario'
      ? { kind: 'scenario', id: entry.id, covered: run.reviews[at]!.covered, seconds }
      : { kind: 'flashcard', id: entry.id, assessment: run.reviews[at]!.assessment ?? 'missed', seconds };
  });
  return { answers, elapsedSeconds: Math.min(MAX_SECONDS, sum(run.spent.slice(0, count))) };
}

export function useInterviewRun(initial: InterviewRun) {
  return useReducer(interviewRunReducer, initial);
}
