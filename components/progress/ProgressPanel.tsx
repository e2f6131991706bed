'use client';

import Link from 'next/link';
import { buttonProps } from '@/components/ui/Button';
import { JsonFileImport } from '@/components/ui/JsonFileImport';
import { PanelStatus } from '@/components/ui/PanelStatus';
import { StatFigures } from '@/components/ui/StatFigures';
import { importProgressFile } from '@/lib/progress/api-client';
import { ContinueLink, type LessonLink } from './ContinueLink';
import { LESSON_DONE_RULE } from './lesson-rule';
import { refreshProgress, useProgress } from './use-progress';

async function importProgress(parsed: unknown) {
  const result = await importProgressFile(parsed);
  if (!result.ok) return { ok: false, text: result.error };
  return {
    ok: true,
    text: `Imported ${result.imported} item${result.imported === 1 ? '' : 's'}${result.skipped ? ` (${result.skipped} skipped: not in this version of Keyspace)` : ''}.`,
  };
}

/**
 * The learner's progress at a glance, the lesson to continue, and export/import to move browsers.
 * On the home page, whose hero already has the Continue link, `onHome` leaves it out and links to
 * the per-lesson dashboard instead.
 */
export function ProgressPanel({ lessons, onHome = false }: { lessons: LessonLink[]; onHome?: boolean }) {
  const progress = useProgress();
  if (progress.status !== 'ready')
    return <PanelStatus state={progress} what="progress" onRetry={() => void refreshProgress()} />;

  const { summary } = progress.snapshot;
  const totals = summary.totals;
  const started = summary.next?.started ?? true;
  const lessonsStarted = Object.values(summary.lessons).filter(
    (lesson) => lesson.read || lesson.quizzesRight > 0 || lesson.challengesPassed > 0,
  ).length;
  const figures = [
    { label: 'Lessons done', value: `${totals.lessonsDone} / ${totals.lessons}` },
    { label: 'Lessons started', value: `${lessonsStarted} / ${totals.lessons}` },
    { label: 'Challenges passed', value: `${totals.challengesPassed} / ${totals.challenges}` },
    { label: 'Quizzes right first time', value: `${totals.quizzesFirstTry} / ${totals.quizzesAnswered}` },
    { label: 'Course done', value: `${totals.percent}%` },
  ];
  return (
    <div className="rounded-lg border border-line p-5">
      {started ? (
        <>
          <StatFigures
            className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5"
            figures={figures.map((figure) => ({
              ...figure,
              testId: `progress-${figure.label.toLowerCase().replaceAll(' ', '-')}`,
            }))}
          />
          <p className="mt-3 text-sm text-muted">
            {LESSON_DONE_RULE}{' '}
            {onHome && (
              <Link href="/progress" className="text-accent-text underline underline-offset-2">
                See each lesson&apos;s steps
              </Link>
            )}
          </p>
        </>
      ) : (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          You have not started yet. Read a lesson to the end, answer its quizzes and pass its challenges: your progress
          shows up here.
        </p>
      )}
      <JsonFileImport
        buttonLabel="Import progress"
        inputLabel="Progress file to import"
        notJsonHint="Choose a file exported from Keyspace."
        importJson={importProgress}
        onImported={refreshProgress}
        rowClassName="mt-4 flex flex-wrap items-center gap-3 text-sm"
      >
        {!onHome && <ContinueLink lessons={lessons} style={{ size: 'sm' }} />}
        <a href="/api/progress/export" download {...buttonProps({ variant: 'secondary', size: 'sm' })}>
          Export progress
        </a>
      </JsonFileImport>
    </div>
  );
}
