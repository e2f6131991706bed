'use client';

import Link from 'next/link';
import type { Ref } from 'react';
import { Prose } from '@/components/ui/Prose';
import { TOPIC_LABELS } from '@/lib/content/topics';
import type { CardView } from '@/lib/srs/types';
import { GradeButtons } from './GradeButtons';

/** One card: its question, then either the reveal button or the answer with the grade buttons. */
export function DrillCard({
  card,
  revealed,
  onReveal,
  revealRef,
  busy,
  cram,
  onGrade,
}: {
  card: CardView;
  revealed: boolean;
  onReveal: () => void;
  revealRef: Ref<HTMLButtonElement>;
  busy: boolean;
  cram: boolean;
  onGrade: (grade: number) => void;
}) {
  return (
    <article aria-labelledby="card-question" className="rounded-xl border border-line p-5 shadow-sm">
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
          <div className="mt-4">
            <GradeButtons intervals={card.intervals} disabled={busy} onGrade={onGrade} cram={cram} />
          </div>
        </div>
      ) : (
        <button
          ref={revealRef}
          type="button"
          onClick={onReveal}
          aria-keyshortcuts="Space"
          className="mt-6 min-h-14 w-full rounded-lg bg-slate-900 px-4 font-medium text-white dark:bg-slate-100 dark:text-slate-900"
        >
          Show answer <span className="text-sm opacity-80">(Space)</span>
        </button>
      )}
    </article>
  );
}
