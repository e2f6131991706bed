'use client';

import { Button } from '@/components/ui/Button';
import { PanelStatus } from '@/components/ui/PanelStatus';
import { StatFigures } from '@/components/ui/StatFigures';
import { DeckControls } from './DeckControls';
import { DrillCard } from './DrillCard';
import { DrillFiles } from './DrillFiles';
import { useDrillKeys } from './use-drill-keys';
import { useDrillSession } from './use-drill-session';

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
  const {
    state,
    card,
    topic,
    setTopic,
    cram,
    setCram,
    revealButton,
    defaultGrade,
    doneHeading,
    reveal,
    grade,
    undo,
    refill,
    changeNewPerDay,
  } = useDrillSession();
  const { counts, nextDueAt, revealed, load, busy, announcement, lastGraded } = state;
  const tags = topic ? [topic] : [];
  useDrillKeys({ reveal, grade, undo });

  return (
    <div>
      {counts && (
        <StatFigures
          label="Cards"
          className="grid grid-cols-3 gap-3 text-center"
          itemClassName="rounded-lg bg-surface-muted p-2"
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

      <div className="mt-4 min-h-80">
        <PanelStatus state={load} what="cards" heightClass="h-72" onRetry={() => void refill()} />
        {load.status === 'ready' && !card && (
          <div className="rounded-xl border border-emerald-300 bg-emerald-50/60 p-6 dark:border-emerald-800 dark:bg-emerald-950/30">
            <h2 ref={doneHeading} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
              Nothing due right now
            </h2>
            <p className="mt-2 text-sm">
              {nextDueAt
                ? `The next card in this deck is due in ${timeUntil(nextDueAt)}.`
                : 'You have seen every card you can today.'}{' '}
              Switch on cram mode to practise anyway, or pick another deck, in the deck options below.
            </p>
          </div>
        )}
        {load.status === 'ready' && card && (
          <DrillCard
            card={card}
            revealed={revealed}
            onReveal={reveal}
            revealRef={revealButton}
            defaultGradeRef={defaultGrade}
            busy={busy}
            cram={cram}
            onGrade={(value) => void grade(value)}
          />
        )}
        <div className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm text-muted">
          <p>
            Keys: <kbd>Space</kbd> shows the answer, <kbd>1</kbd>–<kbd>4</kbd> grade it, <kbd>U</kbd> undoes.
          </p>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => void undo()}
            disabled={!lastGraded || busy}
            aria-keyshortcuts="U"
            className="min-h-10"
          >
            Undo last grade
          </Button>
        </div>
      </div>
      <DeckControls
        topic={topic}
        onTopic={setTopic}
        cram={cram}
        onCram={setCram}
        newPerDay={counts?.newPerDay ?? null}
        onNewPerDay={(value) => void changeNewPerDay(value)}
      />
      <DrillFiles tags={tags} onImported={() => void refill()} />
    </div>
  );
}
