/** Progress in the app's real Valkey: scoring on the server, one hash-tagged key, lossless import. */
import { afterAll, describe, expect, it } from 'vitest';
import { contentLibrary, findChallenge } from '@/lib/content/lessons';
import { lessonItems, quizKeys } from '@/lib/content/quizzes';
import { newLearnerId } from '@/lib/sandbox/learner';
import { closeValkeyClients, getValkey } from '@/lib/valkey/connections';
import { progressKey } from '@/lib/valkey/keys';
import {
  importProgress,
  readProgress,
  recordChallengePassed,
  recordLessonRead,
  recordLessonVisit,
  recordQuizAnswer,
  UnknownContentError,
} from './store';
import { summarizeProgress } from './summary';

afterAll(closeValkeyClients);

// Any real quiz and challenge will do: the test reads the answer key instead of hard-coding one.
const [quizId, quizKey] = [...quizKeys()][0]!;
const wrongChoice = [...Array(quizKey.choiceCount).keys()].find((choice) => !quizKey.correct.includes(choice))!;
const challengeId = contentLibrary().lessons.flatMap((lesson) => lesson.challenges ?? [])[0]!.id;
const slug = contentLibrary().lessons[0]!.slug;

describe('progress store', () => {
  it('scores quiz answers itself and keeps the first try as the score', async () => {
    const learner = newLearnerId();
    expect(await recordQuizAnswer(learner, quizId, [wrongChoice])).toMatchObject({
      correct: false,
      firstTryCorrect: false,
      attempts: 1,
    });
    expect(await recordQuizAnswer(learner, quizId, quizKey.correct)).toMatchObject({
      correct: true,
      firstTryCorrect: false,
      attempts: 2,
    });
    expect((await readProgress(learner)).quizzes[quizId]).toMatchObject({ correct: true, choices: quizKey.correct });
  });

  it('keeps the first date a lesson was read and a challenge passed', async () => {
    const learner = newLearnerId();
    await recordLessonRead(learner, slug);
    await recordChallengePassed(learner, challengeId);
    const first = await readProgress(learner);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await recordLessonRead(learner, slug);
    expect((await readProgress(learner)).lessons[slug]).toBe(first.lessons[slug]);
    expect(first.challenges[challengeId]).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('rejects unknown lessons, quizzes, challenges and out-of-range choices, saving nothing', async () => {
    const learner = newLearnerId();
    await expect(recordLessonRead(learner, 'no-such-lesson')).rejects.toBeInstanceOf(UnknownContentError);
    await expect(recordQuizAnswer(learner, 'no-such-quiz', [0])).rejects.toThrow('There is no quiz "no-such-quiz".');
    await expect(recordQuizAnswer(learner, quizId, [quizKey.choiceCount])).rejects.toThrow(/choices, numbered from 0/);
    await expect(recordChallengePassed(learner, 'no-such-challenge')).rejects.toBeInstanceOf(UnknownContentError);
    expect(await (await getValkey('app')).exists(progressKey(learner))).toBe(0);
  });

  it("imports another browser's progress: earliest dates win, answers are re-scored, unknown ids are skipped", async () => {
    const learner = newLearnerId();
    await recordLessonRead(learner, slug);
    const outcome = await importProgress(learner, {
      lessons: { [slug]: '2020-01-01T00:00:00.000Z', 'gone-lesson': '2020-01-01T00:00:00.000Z' },
      // The file claims the wrong choice was right: the server re-scores it.
      quizzes: {
        [quizId]: {
          choices: [wrongChoice],
          correct: true,
          firstTryCorrect: true,
          attempts: 1,
          at: '2020-01-01T00:00:00.000Z',
        },
      },
      challenges: { [challengeId]: '2021-01-01T00:00:00.000Z', 'gone-challenge': '2021-01-01T00:00:00.000Z' },
    });
    expect(outcome).toEqual({ imported: 3, skipped: 2 });
    const progress = await readProgress(learner);
    expect(progress.lessons[slug]).toBe('2020-01-01T00:00:00.000Z');
    expect(progress.quizzes[quizId]).toMatchObject({ correct: false, firstTryCorrect: false });
    expect(progress.challenges[challengeId]).toBe('2021-01-01T00:00:00.000Z');
  });

  it('remembers the lesson last opened, answered in or passed a challenge of, for "Continue"', async () => {
    const learner = newLearnerId();
    const lessons = contentLibrary().lessons;
    const quizLesson = quizKey.lessonSlug;
    const challengeLesson = findChallenge(challengeId)!.lessonSlug;
    const other = lessons.find((lesson) => lesson.slug !== quizLesson && lesson.slug !== challengeLesson)!.slug;
    expect((await readProgress(learner)).lastLesson).toBeUndefined();
    await recordLessonVisit(learner, other);
    expect((await readProgress(learner)).lastLesson).toBe(other);
    await recordQuizAnswer(learner, quizId, [wrongChoice]);
    expect((await readProgress(learner)).lastLesson).toBe(quizLesson);
    await recordChallengePassed(learner, challengeId);
    expect((await readProgress(learner)).lastLesson).toBe(challengeLesson);
    await recordLessonRead(learner, other);
    const progress = await readProgress(learner);
    expect(progress.lastLesson).toBe(other);
    // The summary the dashboard shows continues there, since that lesson is not done yet.
    expect(summarizeProgress(lessonItems(), progress).next).toEqual({ slug: other, started: true });
    await expect(recordLessonVisit(learner, 'no-such-lesson')).rejects.toBeInstanceOf(UnknownContentError);
  });
});
