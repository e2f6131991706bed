/**
 * Spaced repetition with FSRS through ts-fsrs (not a home-made formula). Fuzz is off so that the
 * same grades at the same times always give the same schedule: learners can predict the buttons'
 * intervals, and tests can hold the library to its own expectations.
 */
import { createEmptyCard, fsrs, generatorParameters, type Card, type Grade, type ReviewLog } from 'ts-fsrs';
import { GRADES } from './grades';
import type { StoredCard } from './types';

export const scheduler = fsrs(generatorParameters({ enable_fuzz: false, request_retention: 0.9 }));

export function toStored(card: Card): StoredCard {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    last_review: card.last_review ? card.last_review.getTime() : null,
  };
}

export function fromStored(stored: StoredCard): Card {
  return {
    ...stored,
    due: new Date(stored.due),
    last_review: stored.last_review === null ? undefined : new Date(stored.last_review),
  };
}

export const newCard = (now: Date): Card => createEmptyCard(now);

/** What each grade would do now: the next due time for each, for the buttons' labels. */
export function previewDue(card: Card, now: Date): Record<Grade, number> {
  const preview = scheduler.repeat(card, now);
  return Object.fromEntries(GRADES.map((grade) => [grade, preview[grade].card.due.getTime()])) as Record<Grade, number>;
}

export function reviewCard(card: Card, grade: Grade, now: Date): { card: Card; log: ReviewLog } {
  return scheduler.next(card, now, grade);
}

/** "<1m", "10m", "3h", "4d", "2mo", "1.3y": how Anki labels its buttons. */
export function formatInterval(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 1) return '<1m';
  if (minutes < 60) return `${Math.round(minutes)}m`;
  const hours = minutes / 60;
  if (hours < 24) return `${Math.round(hours)}h`;
  const days = hours / 24;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${Math.round(days / 30)}mo`;
  return `${(days / 365).toFixed(1)}y`;
}
