/**
 * Every quiz's answer key, read from the lessons' MDX. The server scores answers with it, so a
 * learner's recorded score cannot be whatever the browser claims.
 */
import { contentLibrary, guideSlugs, guideSource, lessonSource } from './lessons';
import { indexMdx } from './mdx-index';

export interface QuizKey {
  lessonSlug: string;
  /** Indexes of the correct choices, in order. */
  correct: number[];
  choiceCount: number;
}

/** One lesson's steps that progress counts: its quizzes and challenges. */
export interface LessonItems {
  slug: string;
  track: string;
  quizIds: string[];
  challengeIds: string[];
}

let cached: Map<string, QuizKey> | undefined;

export function quizKeys(): Map<string, QuizKey> {
  if (cached && process.env.NODE_ENV !== 'development') return cached;
  const keys = new Map<string, QuizKey>();
  for (const lesson of contentLibrary().lessons) {
    for (const quiz of indexMdx(lessonSource(lesson.slug)).quizzes) {
      if (!quiz.id) continue;
      const correct = quiz.choices.flatMap((choice, index) => (choice.correct ? [index] : []));
      keys.set(quiz.id, { lessonSlug: lesson.slug, correct, choiceCount: quiz.choices.length });
    }
  }
  // Guides (the authoring guide) have demo quizzes too; they count for no lesson.
  for (const guide of guideSlugs()) {
    for (const quiz of indexMdx(guideSource(guide)).quizzes) {
      if (quiz.id)
        keys.set(quiz.id, {
          lessonSlug: `guide:${guide}`,
          correct: quiz.choices.flatMap((choice, index) => (choice.correct ? [index] : [])),
          choiceCount: quiz.choices.length,
        });
    }
  }
  return (cached = keys);
}

/** Right when the learner picked exactly the correct choices (order does not matter). */
export function isCorrectAnswer(key: QuizKey, choices: readonly number[]): boolean {
  const picked = [...new Set(choices)].sort((a, b) => a - b);
  return picked.length === key.correct.length && picked.every((choice, index) => choice === key.correct[index]);
}

/** Each lesson's quiz and challenge ids, in reading order: what progress is counted against. */
export function lessonItems(): LessonItems[] {
  const keys = [...quizKeys()];
  return contentLibrary().lessons.map((lesson) => ({
    slug: lesson.slug,
    track: lesson.track,
    quizIds: keys.filter(([, key]) => key.lessonSlug === lesson.slug).map(([id]) => id),
    challengeIds: (lesson.challenges ?? []).map((challenge) => challenge.id),
  }));
}
