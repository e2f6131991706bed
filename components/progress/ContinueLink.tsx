'use client';

import Link from 'next/link';
import { buttonProps, type ButtonStyle } from '@/components/ui/Button';
import { useProgress } from './use-progress';

export interface LessonLink {
  slug: string;
  title: string;
}

/**
 * "Continue: <lesson>" to the lesson last worked on once the learner has started, else "Start the
 * first lesson" (the curriculum's first, passed in). Until progress loads, and without script, it
 * is the start link, so the page works and never shows an empty button.
 */
export function ContinueLink({
  lessons,
  style,
  startLabel = 'Start the first lesson',
}: {
  lessons: LessonLink[];
  style?: ButtonStyle;
  startLabel?: string;
}) {
  const progress = useProgress();
  const first = lessons[0];
  const next = progress.status === 'ready' ? progress.snapshot.summary.next : undefined;
  const lesson = next && lessons.find((candidate) => candidate.slug === next.slug);
  if (lesson && next?.started) {
    return (
      <Link href={`/learn/${lesson.slug}`} {...buttonProps(style)}>
        Continue: {lesson.title}
      </Link>
    );
  }
  if (progress.status === 'ready' && !next) {
    return (
      <Link href="/progress" {...buttonProps(style)}>
        Every lesson done: see your progress
      </Link>
    );
  }
  if (!first) return null;
  return (
    <Link href={`/learn/${first.slug}`} {...buttonProps(style)}>
      {startLabel}
    </Link>
  );
}
