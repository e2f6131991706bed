/**
 * Which cards to show next, from a learner's schedule: pure, so the order rules are tested without
 * a server. Due cards first (most overdue first), then new cards up to the daily limit (topics a
 * mock interview found weak first, then in course order). Cram mode ignores the schedule and walks
 * the whole deck, least recently seen first.
 */
import type { Flashcard } from '@/lib/content/drill-schema';
import type { StoredCard } from './types';

export interface DeckFilter {
  /** Topic ids or tags; a card matches if its topic or one of its tags is listed. Empty: every card. */
  tags: string[];
}

export function inDeck(card: Flashcard, filter: DeckFilter): boolean {
  return (
    filter.tags.length === 0 || filter.tags.includes(card.topic) || card.tags.some((tag) => filter.tags.includes(tag))
  );
}

export interface QueueInput {
  cards: Flashcard[];
  schedule: Map<string, StoredCard>;
  focusTopics: Set<string>;
  /** Card ids due now, earliest first. */
  dueNow: string[];
  newLeftToday: number;
  filter: DeckFilter;
  cram: boolean;
  limit: number;
}

export function nextCards(input: QueueInput): Flashcard[] {
  const deck = input.cards.filter((card) => inDeck(card, input.filter));
  if (input.cram) {
    const lastSeen = (card: Flashcard) => input.schedule.get(card.id)?.last_review ?? 0;
    return [...deck].sort((a, b) => lastSeen(a) - lastSeen(b)).slice(0, input.limit);
  }
  const byId = new Map(deck.map((card) => [card.id, card]));
  const due = input.dueNow.map((id) => byId.get(id)).filter((card) => card !== undefined);
  const fresh = deck.filter((card) => !input.schedule.has(card.id));
  const focused = [
    ...fresh.filter((card) => input.focusTopics.has(card.topic)),
    ...fresh.filter((card) => !input.focusTopics.has(card.topic)),
  ];
  return [...due, ...focused.slice(0, Math.max(0, input.newLeftToday))].slice(0, input.limit);
}
