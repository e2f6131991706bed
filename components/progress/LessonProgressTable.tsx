'use client';

import Link from 'next/link';
import { TableScroller } from '@/components/mdx/Table';
import { PanelStatus } from '@/components/ui/PanelStatus';
import { stepCount } from './lesson-rule';
import { refreshProgress, useProgress } from './use-progress';
import type { LessonLink } from './ContinueLink';

const statusText = { done: 'Done', started: 'Started', new: 'Not started' } as const;

/** Every lesson with its steps (read, quizzes right, challenges passed), so the totals can be checked by eye. */
export function LessonProgressTable({ lessons }: { lessons: LessonLink[] }) {
  const progress = useProgress();
  if (progress.status !== 'ready')
    return <PanelStatus state={progress} what="lessons' progress" onRetry={() => void refreshProgress()} />;
  const { summary } = progress.snapshot;
  return (
    <TableScroller label="Each lesson's steps">
      <table className="w-full min-w-[36rem] text-left text-sm">
        <caption className="sr-only">Each lesson&apos;s steps: read, quizzes right and challenges passed</caption>
        <thead className="border-b border-line text-xs text-muted">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">
              Lesson
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Read to the end
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Quizzes right
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Challenges passed
            </th>
            <th scope="col" className="py-2 font-medium">
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {lessons.map((lesson) => {
            const steps = summary.lessons[lesson.slug];
            if (!steps) return null;
            const status = steps.done
              ? 'done'
              : steps.read || steps.quizzesRight > 0 || steps.challengesPassed > 0
                ? 'started'
                : 'new';
            return (
              <tr key={lesson.slug} data-testid={`lesson-steps-${lesson.slug}`} className="border-b border-line">
                <th scope="row" className="py-2 pr-3 font-medium">
                  <Link href={`/learn/${lesson.slug}`} className="text-accent-text underline-offset-2 hover:underline">
                    {lesson.title}
                  </Link>
                </th>
                <td className="py-2 pr-3">{steps.read ? '✓ Yes' : 'Not yet'}</td>
                <td className="py-2 pr-3 tabular-nums">{stepCount(steps.quizzesRight, steps.quizzes)}</td>
                <td className="py-2 pr-3 tabular-nums">{stepCount(steps.challengesPassed, steps.challenges)}</td>
                <td className="py-2">{statusText[status]}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroller>
  );
}
