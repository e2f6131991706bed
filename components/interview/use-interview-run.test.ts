import { describe, expect, it } from 'vitest';
import type { InterviewQuestion, InterviewSession } from '@/lib/interview/types';
import {
  MAX_SECONDS,
  interviewAnswers,
  interviewRunReducer,
  progressOf,
  resumeRun,
  reviewedCount,
  spentOnOthers,
  startRun,
  type InterviewAction,
  type InterviewRun,
} from './use-interview-run';

const question = (kind: InterviewQuestion['kind'], id: string): InterviewQuestion => ({
  kind,
  id,
  promptHtml: '<p>?</p>',
  minutes: kind === 'scenario' ? 6 : 2,
  topics: ['caching-patterns'],
  difficulty: 'medium',
  modelAnswerHtml: '<p>!</p>',
  keyPointsHtml: kind === 'scenario' ? ['a', 'b', 'c'] : [],
  commonMistakesHtml: [],
});
const session: InterviewSession = {
  minutes: 15,
  topics: ['caching-patterns'],
  seed: 1,
  plannedMinutes: 10,
  questions: [question('flashcard', 'card-one'), question('scenario', 'scenario-two')],
};
const T0 = 1_000_000;
const play = (...actions: InterviewAction[]): InterviewRun =>
  actions.reduce(interviewRunReducer, startRun(session.questions.length, T0));

describe('interviewRunReducer', () => {
  it('starts answering the first question at the start time', () => {
    const run = startRun(2, T0);
    expect(run).toMatchObject({
      index: 0,
      revealed: false,
      since: T0,
      drafts: ['', ''],
      spent: [0, 0],
      saving: { status: 'idle' },
    });
  });

  it('keeps a draft per question', () => {
    const run = play(
      { type: 'draft', text: 'cache-aside' },
      { type: 'reveal', at: T0 + 1_000 },
      { type: 'assess', assessment: 'partly' },
      { type: 'next', at: T0 + 5_000 },
      { type: 'draft', text: 'jitter' },
    );
    expect(run.drafts).toEqual(['cache-aside', 'jitter']);
  });

  it('records the answering seconds on reveal, pauses the clock, and ignores a second reveal', () => {
    const revealed = play({ type: 'confirmEnd', open: true }, { type: 'reveal', at: T0 + 61_400 });
    expect(revealed).toMatchObject({ revealed: true, since: null, spent: [61, 0], confirmingEnd: false });
    expect(interviewRunReducer(revealed, { type: 'reveal', at: T0 + 90_000 })).toBe(revealed);
  });

  it('caps one question at ten hours', () => {
    expect(play({ type: 'reveal', at: T0 + (MAX_SECONDS + 5) * 1000 }).spent[0]).toBe(MAX_SECONDS);
  });

  it('moves on with a fresh answering period, and not past the last question', () => {
    const second = play(
      { type: 'reveal', at: T0 + 10_000 },
      { type: 'assessmentMissing' },
      { type: 'assess', assessment: 'covered' },
      { type: 'next', at: T0 + 20_000 },
    );
    expect(second).toMatchObject({
      index: 1,
      revealed: false,
      since: T0 + 20_000,
      missingAssessment: false,
      spent: [10, 0],
    });
    expect(spentOnOthers(second)).toBe(10);
    expect(interviewRunReducer(second, { type: 'next', at: T0 + 30_000 })).toBe(second);
  });

  it('flags and clears a missing self-assessment', () => {
    const missing = play({ type: 'reveal', at: T0 }, { type: 'assessmentMissing' });
    expect(missing.missingAssessment).toBe(true);
    expect(interviewRunReducer(missing, { type: 'assess', assessment: 'missed' })).toMatchObject({
      missingAssessment: false,
      reviews: [{ assessment: 'missed' }, { assessment: null }],
    });
  });

  it('keeps ticked key points sorted and unique', () => {
    const base = play(
      { type: 'reveal', at: T0 },
      { type: 'assess', assessment: 'covered' },
      { type: 'next', at: T0 },
      { type: 'reveal', at: T0 },
    );
    const ticked = [
      { point: 2, covered: true },
      { point: 0, covered: true },
      { point: 2, covered: true },
      { point: 1, covered: true },
      { point: 1, covered: false },
    ].reduce((run, change) => interviewRunReducer(run, { type: 'cover', ...change }), base);
    expect(ticked.reviews[1]!.covered).toEqual([0, 2]);
  });

  it('tracks saving, closes the end confirmation, and keeps the count for a retry', () => {
    const saving = play({ type: 'confirmEnd', open: true }, { type: 'saving', count: 1 });
    expect(saving).toMatchObject({ confirmingEnd: false, saving: { status: 'saving', count: 1 } });
    expect(interviewRunReducer(saving, { type: 'saveFailed', count: 1, error: 'down' }).saving).toEqual({
      status: 'error',
      count: 1,
      error: 'down',
    });
  });
});

describe('resumeRun', () => {
  it('picks a saved run up where it was, without the passing prompts, and its clock still counts from the saved start', () => {
    const before = play(
      { type: 'reveal', at: T0 + 30_000 },
      { type: 'assess', assessment: 'covered' },
      { type: 'next', at: T0 + 40_000 },
      { type: 'draft', text: 'a lock per key' },
      { type: 'confirmEnd', open: true },
    );
    const resumed = resumeRun(JSON.parse(JSON.stringify(progressOf(before))) as ReturnType<typeof progressOf>);
    expect(resumed).toEqual({ ...before, confirmingEnd: false });
    // Revealed after the reload: the answering time runs from before the reload.
    expect(interviewRunReducer(resumed, { type: 'reveal', at: T0 + 100_000 }).spent).toEqual([30, 60]);
  });
});

describe('reviewedCount', () => {
  it('counts the current question once it is revealed and marked', () => {
    const flashcard = session.questions[0]!;
    expect(reviewedCount(play(), flashcard)).toBe(0);
    expect(reviewedCount(play({ type: 'reveal', at: T0 }), flashcard)).toBe(0);
    expect(reviewedCount(play({ type: 'reveal', at: T0 }, { type: 'assess', assessment: 'partly' }), flashcard)).toBe(
      1,
    );
    const onScenario = play(
      { type: 'reveal', at: T0 },
      { type: 'assess', assessment: 'partly' },
      { type: 'next', at: T0 },
    );
    expect(reviewedCount(onScenario, session.questions[1]!)).toBe(1);
    // A scenario counts as marked even with no key point ticked.
    expect(
      reviewedCount(interviewRunReducer(onScenario, { type: 'reveal', at: T0 + 3_000 }), session.questions[1]!),
    ).toBe(2);
  });
});

describe('interviewAnswers', () => {
  it('sends what was marked, with the seconds, for the first questions only', () => {
    const run = play(
      { type: 'reveal', at: T0 + 30_000 },
      { type: 'next', at: T0 + 40_000 },
      { type: 'reveal', at: T0 + 100_000 },
      { type: 'cover', point: 1, covered: true },
    );
    expect(interviewAnswers(session, run, 2)).toEqual({
      answers: [
        { kind: 'flashcard', id: 'card-one', assessment: 'missed', seconds: 30 },
        { kind: 'scenario', id: 'scenario-two', covered: [1], seconds: 60 },
      ],
      elapsedSeconds: 90,
    });
    expect(interviewAnswers(session, run, 1).elapsedSeconds).toBe(30);
  });
});
