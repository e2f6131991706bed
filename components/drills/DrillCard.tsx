'use client';

import Link from 'next/link';
import type { Ref } from 'react';
import { Prose } from '@/components/ui/Prose';
import { TOPIC_LABELS } from '@/lib/content/topics';
import type { CardView } from '@/lib/srs/types';
import { GradeButtons } from './GradeButtons';

/**
 * One card: its question, then either the reveal button or the answer with the grade buttons. The
 * grade buttons stick to the bottom of the window while a long answer runs past it, so grading
 * never needs a scroll.
 */
export function DrillCard({
  card,
  revealed,
  onReveal,
  revealRef,
  defaultGradeRef,
  busy,
  cram,
  onGrade,
}: {
  card: CardView;
  revealed: boolean;
  onReveal: () => void;
  revealRef: Ref<HTMLButtonElement>;
  defaultGradeRef: Ref<HTMLButtonElement>;
  busy: boolean;
  cram: boolean;
  onGrade: (grade: number) => void;
}) {
  return (
    <article aria-labelledby="card-question" className="rounded-xl border border-line p-5 pb-0 shadow-sm">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
        {TOPIC_LABELS[card.topic as keyof typeof TOPIC_LABELS] ?? card.topic} · {card.state} · {card.difficulty}
      </p>
      <h2 id="card-question" className="mt-2 text-xl font-semibold" data-testid="card-question">
        {card.question}
      </h2>
      {revealed ? (
        <div className="mt-4 border-t border-line pt-4">
          {/* Server-rendered by micromark, which escapes raw HTML in the Markdown. */}
          <Prose size="sm" testId="card-answer" html={card.answerHtml} />
          <p className="mt-3 text-sm">
            <Link href={`/learn/${card.lesson}`} className="text-accent-text underline">
              Read the lesson
            </Link>
          </p>
          <div className="sticky bottom-0 -mx-5 mt-4 rounded-b-xl border-t border-line bg-white px-5 py-3 dark:bg-slate-950">
            <GradeButtons
              intervals={card.intervals}
              disabled={busy}
              onGrade={onGrade}
              cram={cram}
              defaultGradeRef={defaultGradeRef}
            />
          </div>
        </div>
      ) : (
        <button
          ref={revealRef}
          type="button"
          onClick={onReveal}
          aria-keyshortcuts="Space"
          className="mb-5 mt-6 min-h-14 w-full rounded-lg bg-slate-900 px-4 font-medium text-white dark:bg-slate-100 dark:text-slate-900"
        >
          Show answer{' '}
          <kbd className="ml-1 rounded border border-current px-1.5 text-sm font-normal opacity-80">Space</kbd>
        </button>
      )}
    </article>
  );
}
