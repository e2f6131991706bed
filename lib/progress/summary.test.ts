import { describe, expect, it } from 'vitest';
import type { LessonItems } from '@/lib/content/quizzes';
import { summarizeProgress } from './summary';
import { emptyProgress } from './types';

const items: LessonItems[] = [
  { slug: 'a', track: 't1', quizIds: ['a-q1', 'a-q2'], challengeIds: ['a-c1'] },
  { slug: 'b', track: 't1', quizIds: ['b-q1'], challengeIds: [] },
  { slug: 'c', track: 't2', quizIds: [], challengeIds: [] },
];
const at = '2026-11-26T08:00:00.000Z';
const quiz = (correct: boolean, firstTryCorrect = correct) => ({
  choices: [0],
  correct,
  firstTryCorrect,
  attempts: 1,
  at,
});

describe('summarizeProgress', () => {
  it('counts nothing for a new learner', () => {
    const summary = summarizeProgress(items, emptyProgress());
    expect(summary.totals).toMatchObject({ lessonsDone: 0, lessons: 3, percent: 0, challenges: 1 });
    expect(summary.tracks.t1).toMatchObject({ lessonsDone: 0, lessons: 2, percent: 0 });
  });

  it('marks a lesson done only when it is read, every quiz is right and every challenge passed', () => {
    const progress = emptyProgress();
    progress.lessons.a = at;
    progress.quizzes['a-q1'] = quiz(true);
    progress.quizzes['a-q2'] = quiz(true, false);
    expect(summarizeProgress(items, progress).lessons.a?.done).toBe(false);
    progress.challenges['a-c1'] = at;
    const summary = summarizeProgress(items, progress);
    expect(summary.lessons.a).toMatchObject({ done: true, quizzesRight: 2, quizzesFirstTry: 1, challengesPassed: 1 });
    // Track t1 has 1+2+1 steps in lesson a and 1+1 in lesson b: 4 of 6 done.
    expect(summary.tracks.t1).toMatchObject({ lessonsDone: 1, percent: 67 });
    expect(summary.tracks.t2?.percent).toBe(0);
  });

  it('does not count a wrong answer as a step done', () => {
    const progress = emptyProgress();
    progress.quizzes['b-q1'] = quiz(false);
    expect(summarizeProgress(items, progress).lessons.b).toMatchObject({ quizzesRight: 0, done: false });
    expect(summarizeProgress(items, progress).totals.quizzesAnswered).toBe(1);
  });

  describe('next lesson', () => {
    it('starts a new learner at the first lesson of the curriculum', () => {
      expect(summarizeProgress(items, emptyProgress()).next).toEqual({ slug: 'a', started: false });
    });

    it('continues the lesson last worked on while it is not done, not the first lesson not done', () => {
      const progress = emptyProgress();
      progress.lessons.a = at;
      progress.lastLesson = 'b';
      expect(summarizeProgress(items, progress).next).toEqual({ slug: 'b', started: true });
    });

    it('moves on from a finished lesson to the next one not done, wrapping round', () => {
      const progress = emptyProgress();
      progress.lessons.b = at;
      progress.quizzes['b-q1'] = quiz(true);
      progress.lastLesson = 'b';
      expect(summarizeProgress(items, progress).next?.slug).toBe('c');
      progress.lessons.c = at;
      progress.lastLesson = 'c';
      expect(summarizeProgress(items, progress).next?.slug).toBe('a');
    });

    it('counts a learner with steps but no recorded place as started, and has no next lesson once all are done', () => {
      const progress = emptyProgress();
      progress.lessons.b = at;
      expect(summarizeProgress(items, progress).next).toEqual({ slug: 'a', started: true });
      Object.assign(progress.lessons, { a: at, c: at });
      progress.quizzes = { 'a-q1': quiz(true), 'a-q2': quiz(true), 'b-q1': quiz(true) };
      progress.challenges['a-c1'] = at;
      expect(summarizeProgress(items, progress).next).toBeUndefined();
    });
  });
});
