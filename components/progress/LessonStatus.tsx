'use client';

import { useProgress } from './use-progress';

/** A lesson's mark in lists: a tick when done, a half circle when started, nothing otherwise. */
export function LessonStatus({ slug }: { slug: string }) {
  const progress = useProgress();
  if (progress.status !== 'ready') return null;
  const lesson = progress.snapshot.summary.lessons[slug];
  if (!lesson) return null;
  const started = lesson.read || lesson.quizzesRight > 0 || lesson.challengesPassed > 0;
  if (lesson.done) {
    return (
      <span
        data-testid={`lesson-status-${slug}`}
        data-status="done"
        className="ml-1 text-emerald-700 dark:text-emerald-400"
        title="Done"
      >
        <span aria-hidden="true">✓</span>
        <span className="sr-only"> (done)</span>
      </span>
    );
  }
  if (!started) return null;
  return (
    <span
      data-testid={`lesson-status-${slug}`}
      data-status="started"
      className="ml-1 text-amber-700 dark:text-amber-400"
      title="Started"
    >
      <span aria-hidden="true">◐</span>
      <span className="sr-only"> (started)</span>
    </span>
  );
}
