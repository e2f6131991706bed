'use client';

import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CardView, DrillCounts } from '@/lib/srs/drills';
import { StatFigures } from '@/components/ui/StatFigures';
import { fetchDrillBatch, gradeCard, saveNewPerDay, undoGrade } from '@/lib/srs/api-client';
import { DeckControls } from './DeckControls';
import { DrillFiles } from './DrillFiles';
import { GradeButtons } from './GradeButtons';
import { TOPIC_LABELS } from '@/lib/content/topics';

type Load = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready' };

const GRADE_NAMES = ['', 'Again', 'Hard', 'Good', 'Easy'];

function timeUntil(ms: number): string {
  const minutes = Math.max(1, Math.round((ms - Date.now()) / 60_000));
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  return `${Math.round(hours / 24)} days`;
}

/**
 * A drill session: one card at a time, Space to reveal, 1–4 to grade, U (or Ctrl+Z) to undo.
 * Cards come in batches from the server, which decides what is due; the page only walks them.
 */
export function DrillSession() {
  const [topic, setTopic] = useState('');
  const [cram, setCram] = useState(false);
  const [queue, setQueue] = useState<CardView[]>([]);
  const [counts, setCounts] = useState<DrillCounts | null>(null);
  const [nextDueAt, setNextDueAt] = useState<number | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [lastGraded, setLastGraded] = useState<CardView | null>(null);
  const revealButton = useRef<HTMLButtonElement>(null);
  const tags = topic ? [topic] : [];
  const card = queue[0];

  const applyBatch = useCallback((result: Awaited<ReturnType<typeof fetchDrillBatch>>, front?: CardView) => {
    if (!result.ok) return setLoad({ status: 'error', error: result.error });
    const cards = front ? [front, ...result.cards.filter((entry) => entry.id !== front.id)] : result.cards;
    setQueue(cards);
    setCounts(result.counts);
    setNextDueAt(result.nextDueAt);
    setRevealed(false);
    setLoad({ status: 'ready' });
  }, []);

  const refill = useCallback(async (front?: CardView) => applyBatch(await fetchDrillBatch(topic ? [topic] : [], cram), front), [applyBatch, topic, cram]);

  useEffect(() => {
    let current = true;
    void fetchDrillBatch(topic ? [topic] : [], cram).then((result) => current && applyBatch(result));
    return () => {
      current = false;
    };
  }, [applyBatch, topic, cram]);

  const reveal = useCallback(() => {
    if (!card || revealed) return;
    setRevealed(true);
    setAnnouncement('Answer shown. Grade it with 1 to 4.');
  }, [card, revealed]);

  const grade = useCallback(
    async (value: number) => {
      if (!card || !revealed || busy) return;
      setBusy(true);
      const result = await gradeCard(card.id, value, cram);
      setBusy(false);
      if (!result.ok) return setAnnouncement(`Not saved: ${result.error}`);
      setLastGraded(card);
      setAnnouncement(`Graded ${GRADE_NAMES[value]}.`);
      const rest = queue.slice(1);
      if (rest.length > 0 && !cram) {
        // Counts move on the server; refresh them without losing the place in the batch.
        setQueue(rest);
        setRevealed(false);
        void fetchDrillBatch(topic ? [topic] : [], cram).then((fresh) => {
          if (fresh.ok) setCounts(fresh.counts);
        });
      } else if (rest.length > 0) {
        setQueue(rest);
        setRevealed(false);
      } else {
        await refill();
      }
      revealButton.current?.focus();
    },
    [card, revealed, busy, cram, queue, refill, topic],
  );

  const undo = useCallback(async () => {
    if (!lastGraded || busy) return;
    setBusy(true);
    const result = await undoGrade();
    setBusy(false);
    if (!result.ok) return setAnnouncement(`Could not undo: ${result.error}`);
    setAnnouncement('Last grade undone.');
    const back = lastGraded;
    setLastGraded(null);
    await refill(back);
  }, [lastGraded, busy, refill]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.closest('input, select, textarea, [contenteditable="true"]') || (event.key === ' ' && target.closest('button, a')))) return;
      if (event.altKey || event.metaKey) return;
      if (event.key === ' ' && !event.ctrlKey) {
        event.preventDefault();
        reveal();
      } else if (/^[1-4]$/.test(event.key) && !event.ctrlKey) {
        event.preventDefault();
        void grade(Number(event.key));
      } else if (event.key.toLowerCase() === 'u' || (event.ctrlKey && event.key.toLowerCase() === 'z')) {
        event.preventDefault();
        void undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [reveal, grade, undo]);

  const changeNewPerDay = async (value: number) => {
    const result = await saveNewPerDay(value);
    setAnnouncement(result.ok ? `New cards per day set to ${value}.` : `Not saved: ${result.error}`);
    await refill();
  };

  return (
    <div>
      <DeckControls topic={topic} onTopic={setTopic} cram={cram} onCram={setCram} newPerDay={counts?.newPerDay ?? null} onNewPerDay={(value) => void changeNewPerDay(value)} />
      {counts && (
        <StatFigures
          label="Cards"
          className="mt-6 grid grid-cols-3 gap-3 text-center"
          itemClassName="rounded-lg bg-slate-100 p-2 dark:bg-slate-900"
          figures={[
            { label: 'Due now', value: counts.dueNow, testId: 'due-now' },
            { label: 'Due today', value: counts.dueToday, testId: 'due-today' },
            { label: 'New left today', value: Math.min(counts.newLeftToday, counts.unseen), testId: 'new-left' },
          ]}
        />
      )}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>

      <div className="mt-6 min-h-80">
        {load.status === 'loading' && (
          <div role="status" className="h-72 animate-pulse rounded-xl bg-slate-100 dark:bg-slate-900">
            <span className="sr-only">Loading your cards…</span>
          </div>
        )}
        {load.status === 'error' && (
          <div role="alert" className="rounded-xl border border-rose-400 p-4 text-sm">
            <p>Your cards could not be loaded: {load.error}</p>
            <button type="button" className="mt-2 underline" onClick={() => void refill()}>
              Try again
            </button>
          </div>
        )}
        {load.status === 'ready' && !card && (
          <div className="rounded-xl border border-emerald-300 bg-emerald-50/60 p-6 dark:border-emerald-800 dark:bg-emerald-950/30">
            <h2 className="text-xl font-semibold">Nothing due right now</h2>
            <p className="mt-2 text-sm">
              {nextDueAt ? `The next card in this deck is due in ${timeUntil(nextDueAt)}.` : 'You have seen every card you can today.'} Switch on cram mode to practise anyway, or pick
              another deck.
            </p>
          </div>
        )}
        {load.status === 'ready' && card && (
          <article aria-labelledby="card-question" className="rounded-xl border border-slate-200 p-5 shadow-sm dark:border-slate-800">
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
              {TOPIC_LABELS[card.topic as keyof typeof TOPIC_LABELS] ?? card.topic} · {card.state} · {card.difficulty}
            </p>
            <h2 id="card-question" className="mt-2 text-xl font-semibold" data-testid="card-question">
              {card.question}
            </h2>
            {revealed ? (
              <div className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-800">
                <div
                  data-testid="card-answer"
                  className="prose prose-sm prose-slate max-w-none dark:prose-invert prose-code:before:content-none prose-code:after:content-none"
                  // Server-rendered by micromark, which escapes raw HTML in the Markdown.
                  dangerouslySetInnerHTML={{ __html: card.answerHtml }}
                />
                <p className="mt-3 text-sm">
                  <Link href={`/learn/${card.lesson}`} className="text-accent-text underline">
                    Read the lesson
                  </Link>
                </p>
                <div className="mt-4">
                  <GradeButtons intervals={card.intervals} disabled={busy} onGrade={(value) => void grade(value)} cram={cram} />
                </div>
              </div>
            ) : (
              <button ref={revealButton} type="button" onClick={reveal} aria-keyshortcuts="Space" className="mt-6 min-h-14 w-full rounded-lg bg-slate-900 px-4 font-medium text-white dark:bg-slate-100 dark:text-slate-900">
                Show answer <span className="text-sm opacity-80">(Space)</span>
              </button>
            )}
          </article>
        )}
        <div className="mt-3 flex items-center justify-between text-sm text-slate-600 dark:text-slate-400">
          <p>Keys: Space shows the answer, 1–4 grade it, U undoes.</p>
          <button type="button" onClick={() => void undo()} disabled={!lastGraded || busy} aria-keyshortcuts="U" className="min-h-10 rounded-md border border-slate-300 px-3 disabled:opacity-50 dark:border-slate-700">
            Undo last grade
          </button>
        </div>
      </div>
      <DrillFiles tags={tags} onImported={() => void refill()} />
    </div>
  );
}
