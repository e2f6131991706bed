'use client';

import Link from 'next/link';
import { useRef, useState } from 'react';
import { StatFigures } from '@/components/ui/StatFigures';
import { importProgressFile } from '@/lib/progress/api-client';
import { refreshProgress, useProgress } from './use-progress';

interface LessonLink {
  slug: string;
  title: string;
}

/** The learner's progress at a glance, the next lesson to take, and export/import to move browsers. */
export function ProgressPanel({ lessons }: { lessons: LessonLink[] }) {
  const progress = useProgress();
  const fileInput = useRef<HTMLInputElement>(null);
  const [importMessage, setImportMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const importFile = async (file: File) => {
    setImportMessage(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      return setImportMessage({ ok: false, text: `${file.name} is not JSON. Choose a file exported from Keyspace.` });
    }
    const result = await importProgressFile(parsed);
    if (!result.ok) return setImportMessage({ ok: false, text: result.error });
    setImportMessage({ ok: true, text: `Imported ${result.imported} item${result.imported === 1 ? '' : 's'}${result.skipped ? ` (${result.skipped} skipped: not in this version of Keyspace)` : ''}.` });
    await refreshProgress();
  };

  if (progress.status === 'loading') {
    return (
      <div role="status" className="h-40 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-900">
        <span className="sr-only">Loading your progress…</span>
      </div>
    );
  }
  if (progress.status === 'error') {
    return (
      <p role="alert" className="rounded-lg border border-amber-400 p-4 text-sm">
        Your progress could not be loaded: {progress.error}{' '}
        <button type="button" className="underline" onClick={() => void refreshProgress()}>
          Try again
        </button>
      </p>
    );
  }
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
    <div className="rounded-lg border border-slate-200 p-5 dark:border-slate-800">
      {started ? (
        <StatFigures figures={figures.map((figure) => ({ ...figure, testId: `progress-${figure.label.toLowerCase().replaceAll(' ', '-')}` }))} />
      ) : (
        <p className="text-sm text-slate-700 dark:text-slate-300">You have not started yet. Read a lesson to the end, answer its quizzes and pass its challenges: your progress shows up here.</p>
      )}
      <div className="mt-4 flex flex-wrap items-center gap-3 text-sm">
        {next && (
          <Link href={`/learn/${next.slug}`} className="rounded-md bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800">
            {started ? 'Continue' : 'Start'}: {next.title}
          </Link>
        )}
        <a href="/api/progress/export" download className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
          Export progress
        </a>
        <button type="button" onClick={() => fileInput.current?.click()} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
          Import progress
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          className="sr-only"
          aria-label="Progress file to import"
          tabIndex={-1}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      <p aria-live="polite" className={`mt-2 text-sm ${importMessage?.ok ? 'text-emerald-800 dark:text-emerald-300' : 'text-rose-800 dark:text-rose-300'}`}>
        {importMessage?.text}
      </p>
    </div>
  );
}
