import 'server-only';
/** The next cards to review, with their button intervals and the learner's counts for the day. */
import { drillContent, markdownToHtml } from '@/lib/content/flashcards';
import { inDeck, nextCards, type DeckFilter } from './deck';
import { GRADES } from './grades';
import { formatInterval, fromStored, newCard, previewDue } from './scheduler';
import { dueCardIds, newCardsIntroduced, newCardsPerDay, readSchedule } from './store';
import { CARD_STATES, localDay, startOfLocalDay, type CardView, type DrillQueue } from './types';

const DAY = 86_400_000;

export interface QueueOptions {
  filter: DeckFilter;
  cram: boolean;
  now: Date;
  tzOffsetMinutes: number;
}

export async function drillQueue(learnerId: string, options: QueueOptions): Promise<DrillQueue> {
  const now = options.now.getTime();
  const { cards } = drillContent();
  const [schedule, dueToday, introduced, perDay] = await Promise.all([
    readSchedule(learnerId),
    dueCardIds(learnerId, startOfLocalDay(now, options.tzOffsetMinutes) + DAY - 1),
    newCardsIntroduced(learnerId, localDay(now, options.tzOffsetMinutes)),
    newCardsPerDay(learnerId),
  ]);
  const deck = cards.filter((card) => inDeck(card, options.filter));
  const deckIds = new Set(deck.map((card) => card.id));
  const dueInDeck = dueToday.filter((entry) => deckIds.has(entry.id));
  const dueNow = dueInDeck.filter((entry) => entry.due <= now).map((entry) => entry.id);
  const newLeftToday = Math.max(0, perDay - introduced);
  const chosen = nextCards({
    cards,
    schedule: schedule.cards,
    focusTopics: schedule.focus,
    dueNow,
    newLeftToday,
    filter: options.filter,
    cram: options.cram,
    limit: 20,
  });

  const views = chosen.map((card): CardView => {
    const stored = schedule.cards.get(card.id);
    const fsrsCard = stored ? fromStored(stored) : newCard(options.now);
    const due = previewDue(fsrsCard, options.now);
    return {
      id: card.id,
      question: card.question,
      answerHtml: markdownToHtml(card.answer),
      topic: card.topic,
      lesson: card.lesson,
      tags: card.tags,
      difficulty: card.difficulty,
      state: CARD_STATES[stored?.state ?? 0] ?? 'new',
      intervals: Object.fromEntries(GRADES.map((grade) => [String(grade), formatInterval(due[grade] - now)])),
    };
  });
  let nextDueAt: number | null = null;
  if (dueNow.length === 0) {
    for (const id of deckIds) {
      const stored = schedule.cards.get(id);
      if (stored && stored.due > now && (nextDueAt === null || stored.due < nextDueAt)) nextDueAt = stored.due;
    }
  }
  return {
    cards: views,
    counts: {
      dueNow: dueNow.length,
      dueToday: dueInDeck.length,
      newLeftToday,
      newPerDay: perDay,
      unseen: deck.filter((card) => !schedule.cards.has(card.id)).length,
      deckSize: deck.length,
    },
    nextDueAt,
  };
}
