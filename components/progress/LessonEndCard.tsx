'use client';

import Link from 'next/link';
import { buttonProps } from '@/components/ui/Button';
import { LESSON_DONE_RULE, stepCount } from './lesson-rule';
import { useProgress } from './use-progress';
import type { LessonLink } from './ContinueLink';

const plural = (count: number, one: string, many: string) => `${count} more ${count === 1 ? one : many}`;

/**
 * The end of a lesson: what the learner has done in it (read, quizzes, challenges), what is left
 * before it counts as done, and the lesson to take next. Reaching it marks the lesson read
 * (LessonReadMarker), and the figures follow as soon as that is saved.
 */
export function LessonEndCard({ slug, next }: { slug: string; next?: LessonLink }) {
  const progress = useProgress();
  const steps = progress.status === 'ready' ? progress.snapshot.summary.lessons[slug] : undefined;
  const left =
    steps &&
    [
      !steps.read && 'read it to the end',
      steps.quizzesRight < steps.quizzes &&
        `answer ${plural(steps.quizzes - steps.quizzesRight, 'quiz', 'quizzes')} right`,
      steps.challengesPassed < steps.challenges &&
        `pass ${plural(steps.challenges - steps.challengesPassed, 'challenge', 'challenges')}`,
    ].filter((step): step is string => typeof step === 'string');

  return (
    <section aria-labelledby="lesson-end-heading" className="mt-12 rounded-lg border border-line p-5">
      <h2 id="lesson-end-heading" className="text-lg font-semibold">
        End of the lesson
      </h2>
      {steps ? (
        <>
          <ul aria-label="Your steps in this lesson" className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <li data-testid="lesson-end-read">Read {steps.read ? '✓' : ': not yet'}</li>
            <li data-testid="lesson-end-quizzes">Quizzes right {stepCount(steps.quizzesRight, steps.quizzes)}</li>
            <li data-testid="lesson-end-challenges">
              Challenges passed {stepCount(steps.challengesPassed, steps.challenges)}
            </li>
          </ul>
          <p data-testid="lesson-end-rule" className="mt-2 text-sm text-muted">
            {steps.done || left?.length === 0
              ? '✓ This lesson is done.'
              : `This lesson counts as done when you ${left?.join(' and ')}.`}
          </p>
        </>
      ) : (
        <p className="mt-2 text-sm text-muted">{LESSON_DONE_RULE}</p>
      )}
      {next ? (
        <Link href={`/learn/${next.slug}`} {...buttonProps({ size: 'sm', className: 'mt-4' })}>
          Next: {next.title}
        </Link>
      ) : (
        <Link href="/progress" {...buttonProps({ size: 'sm', variant: 'secondary', className: 'mt-4' })}>
          That was the last lesson: see your progress
        </Link>
      )}
    </section>
  );
}
