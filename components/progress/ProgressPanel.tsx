'use client';

import Link from 'next/link';
import { buttonProps } from '@/components/ui/Button';
import { JsonFileImport } from '@/components/ui/JsonFileImport';
import { PanelStatus } from '@/components/ui/PanelStatus';
import { StatFigures } from '@/components/ui/StatFigures';
import { importProgressFile } from '@/lib/progress/api-client';
import { refreshProgress, useProgress } from './use-progress';

interface LessonLink {
  slug: string;
  title: string;
}

async function importProgress(parsed: unknown) {
  const result = await importProgressFile(parsed);
  if (!result.ok) return { ok: false, text: result.error };
  return {
    ok: true,
    text: `Imported ${result.imported} item${result.imported === 1 ? '' : 's'}${result.skipped ? ` (${result.skipped} skipped: not in this version of Keyspace)` : ''}.`,
  };
}

/** The learner's progress at a glance, the next lesson to take, and export/import to move browsers. */
export function ProgressPanel({ lessons }: { lessons: LessonLink[] }) {
  const progress = useProgress();
  if (progress.status !== 'ready')
    return <PanelStatus state={progress} what="progress" onRetry={() => void refreshProgress()} />;

  const { summary } = progress.snapshot;
  const totals = summary.totals;
  const next = lessons.find((lesson) => !summary.lessons[lesson.slug]?.done);
  const started = totals.percent > 0;
  const figures = [
    { label: 'Lessons done', value: `${totals.lessonsDone} / ${totals.lessons}` },
    { label: 'Challenges passed', value: `${totals.challengesPassed} / ${totals.challenges}` },
    { label: 'Quizzes right first time', value: `${totals.quizzesFirstTry} / ${totals.quizzesAnswered}` },
    { label: 'Course done', value: `${totals.percent}%` },
  ];
  return (
    <div className="rounded-lg border border-line p-5">
      {started ? (
        <StatFigures
          figures={figures.map((figure) => ({
            ...figure,
            testId: `progress-${figure.label.toLowerCase().replaceAll(' ', '-')}`,
          }))}
        />
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
        {next && (
          <Link href={`/learn/${next.slug}`} {...buttonProps({ size: 'sm' })}>
            {started ? 'Continue' : 'Start'}: {next.title}
          </Link>
        )}
        <a href="/api/progress/export" download {...buttonProps({ variant: 'secondary', size: 'sm' })}>
          Export progress
        </a>
      </JsonFileImport>
    </div>
  );
}
