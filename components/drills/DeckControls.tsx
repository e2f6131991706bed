'use client';

import { useId } from 'react';
import { TOPIC_LABELS } from '@/lib/content/topics';

interface DeckControlsProps {
  topic: string;
  onTopic: (topic: string) => void;
  cram: boolean;
  onCram: (cram: boolean) => void;
  newPerDay: number | null;
  onNewPerDay: (value: number) => void;
}

/**
 * Which deck (all cards or one topic), cram mode, and the daily limit for new cards: a disclosure
 * under the card, closed at first, so on a phone the card is the first thing on the screen. Its
 * summary names the deck in use.
 */
export function DeckControls({ topic, onTopic, cram, onCram, newPerDay, onNewPerDay }: DeckControlsProps) {
  const id = useId();
  const deck = TOPIC_LABELS[topic as keyof typeof TOPIC_LABELS] ?? 'All topics';
  return (
    <details className="mt-6 rounded-lg border border-line p-3 text-sm">
      <summary className="min-h-6 cursor-pointer font-medium">
        Deck options{' '}
        <span className="font-normal text-muted">
          ({deck}
          {cram ? ', cram mode' : ''})
        </span>
      </summary>
      <div className="mt-3 flex flex-wrap items-end gap-4">
        <div className="flex flex-col gap-1">
          <label className="font-medium" htmlFor={`${id}-deck`}>
            Deck
          </label>
          <select
            id={`${id}-deck`}
            value={topic}
            onChange={(event) => onTopic(event.target.value)}
            className="min-h-10 rounded-md border border-line-strong bg-white px-2 dark:bg-slate-900"
          >
            <option value="">All topics</option>
            {Object.entries(TOPIC_LABELS).map(([value, name]) => (
              <option key={value} value={value}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label className="font-medium" htmlFor={`${id}-new`}>
            New cards per day
          </label>
          <select
            id={`${id}-new`}
            value={newPerDay ?? 20}
            disabled={newPerDay === null}
            onChange={(event) => onNewPerDay(Number(event.target.value))}
            className="min-h-10 rounded-md border border-line-strong bg-white px-2 dark:bg-slate-900"
          >
            {[0, 5, 10, 20, 30, 50, 100].map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <label className="flex min-h-10 items-center gap-2" htmlFor={`${id}-cram`}>
          <input
            id={`${id}-cram`}
            type="checkbox"
            checked={cram}
            onChange={(event) => onCram(event.target.checked)}
            className="h-5 w-5"
          />
          <span>
            <span className="font-medium">Cram mode</span>
            <span className="block text-xs text-muted">Every card in the deck; grades do not change the schedule</span>
          </span>
        </label>
      </div>
    </details>
  );
}
