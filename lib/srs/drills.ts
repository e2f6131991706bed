import 'server-only';
/** What the drill routes do: the next cards with their button intervals, counts, stats, export and import. */
import { drillContent, markdownToHtml } from '@/lib/content/drills';
import { getValkey } from '@/lib/valkey/connections';
import { inDeck, nextCards, type DeckFilter } from './deck';
import { formatInterval, fromStored, GRADES, newCard, previewDue, type StoredCard } from './scheduler';
import { dueCardIds, newCardsIntroduced, readHistory, readSchedule, srsKeys } from './store';
import { DRILL_EXPORT_FORMAT, localDay, startOfLocalDay, type DrillExport, type ReviewEntry } from './types';

export const DEFAULT_NEW_PER_DAY = 20;
const DAY = 86_400_000;
const STATE_NAMES = ['new', 'learning', 'review', 'relearning'] as const;

export interface CardView {
  id: string;
  question: string;
  answerHtml: string;
  topic: string;
  lesson: string;
  tags: string[];
  difficulty: string;
  state: (typeof STATE_NAMES)[number];
  /** Label of the next interval for each grade, "1"–"4" (Again, Hard, Good, Easy). */
  intervals: Record<string, string>;
}

export interface DrillCounts {
  dueNow: number;
  /** Due before the end of the learner's day, including those due now. */
  dueToday: number;
  newLeftToday: number;
  newPerDay: number;
  /** New cards in this deck that were never reviewed. */
  unseen: number;
  deckSize: number;
}

export interface DrillSession {
  cards: CardView[];
  counts: DrillCounts;
  /** When nothing is due now: the next due time in this deck (ms), or null. */
  nextDueAt: number | null;
}

export interface SessionOptions {
  filter: DeckFilter;
  cram: boolean;
  now: Date;
  tzOffsetMinutes: number;
}

export async function newCardsPerDay(learnerId: string): Promise<number> {
  const value = await (await getValkey('app')).hget(`keyspace:{${learnerId}}:srs:settings`, 'newPerDay');
  return value === null ? DEFAULT_NEW_PER_DAY : Number(value);
}

export async function setNewCardsPerDay(learnerId: string, perDay: number): Promise<void> {
  await (await getValkey('app')).hset(`keyspace:{${learnerId}}:srs:settings`, 'newPerDay', String(perDay));
}

export async function drillSession(learnerId: string, options: SessionOptions): Promise<DrillSession> {
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
  const chosen = nextCards({ cards, schedule: schedule.cards, focusTopics: schedule.focus, dueNow, newLeftToday, filter: options.filter, cram: options.cram, limit: 20 });

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
      state: STATE_NAMES[stored?.state ?? 0] ?? 'new',
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

export interface DrillStats {
  dueNow: number;
  dueToday: number;
  reviewsToday: number;
  /** Consecutive days, up to today (or yesterday if today has none yet), with at least one review. */
  streak: number;
  cardsSeen: number;
  cardsTotal: number;
  /** Per day for the last 30 days: reviews of cards that were in review, and how many were recalled. */
  retention: { day: string; reviews: number; recalled: number }[];
  /** Cards due per day for the next 14 days; overdue cards count today. */
  forecast: { day: string; due: number }[];
}

export async function drillStats(learnerId: string, now: Date, tzOffsetMinutes: number): Promise<DrillStats> {
  const ms = now.getTime();
  const todayStart = startOfLocalDay(ms, tzOffsetMinutes);
  const [history, schedule, due] = await Promise.all([readHistory(learnerId), readSchedule(learnerId), dueCardIds(learnerId, todayStart + 14 * DAY - 1)]);
  const today = localDay(ms, tzOffsetMinutes);
  const days = new Set(history.map((entry) => entry.day));
  let streak = 0;
  let cursor = days.has(today) ? todayStart : todayStart - DAY;
  while (days.has(localDay(cursor + DAY / 2, tzOffsetMinutes))) {
    streak++;
    cursor -= DAY;
  }
  const retention = Array.from({ length: 30 }, (_, index) => {
    const day = localDay(todayStart - (29 - index) * DAY + DAY / 2, tzOffsetMinutes);
    const reviews = history.filter((entry) => entry.day === day && !entry.cram && entry.prev !== null && entry.prev.state === 2);
    return { day, reviews: reviews.length, recalled: reviews.filter((entry) => entry.grade > 1).length };
  });
  const forecast = Array.from({ length: 14 }, (_, index) => {
    const start = todayStart + index * DAY;
    const count = due.filter((entry) => (index === 0 ? entry.due < start + DAY : entry.due >= start && entry.due < start + DAY)).length;
    return { day: localDay(start + DAY / 2, tzOffsetMinutes), due: count };
  });
  return {
    dueNow: due.filter((entry) => entry.due <= ms).length,
    dueToday: forecast[0]?.due ?? 0,
    reviewsToday: history.filter((entry) => entry.day === today).length,
    streak,
    cardsSeen: schedule.cards.size,
    cardsTotal: drillContent().cards.length,
    retention,
    forecast,
  };
}

export async function exportHistory(learnerId: string, now: Date = new Date()): Promise<DrillExport> {
  const [schedule, log] = await Promise.all([readSchedule(learnerId), readHistory(learnerId)]);
  return { format: DRILL_EXPORT_FORMAT, version: 1, exportedAt: now.toISOString(), cards: Object.fromEntries(schedule.cards), log };
}

/**
 * Merges an exported history: for each card the more recently reviewed state wins, and the review
 * logs are joined (a review already present is not added twice). Cards no longer in the deck are skipped.
 */
export async function importHistory(learnerId: string, file: DrillExport): Promise<{ cards: number; reviews: number; skipped: number }> {
  const known = drillContent().cardsById;
  const [schedule, log] = await Promise.all([readSchedule(learnerId), readHistory(learnerId)]);
  const updates: [string, StoredCard][] = [];
  let skipped = 0;
  for (const [id, incoming] of Object.entries(file.cards)) {
    if (!known.has(id)) {
      skipped++;
      continue;
    }
    const current = schedule.cards.get(id);
    if (!current || (incoming.last_review ?? 0) > (current.last_review ?? 0)) updates.push([id, incoming]);
  }
  const seen = new Set(log.map((entry) => `${entry.cardId}@${entry.at}`));
  const added: ReviewEntry[] = file.log.filter((entry) => known.has(entry.cardId) && !seen.has(`${entry.cardId}@${entry.at}`));
  const merged = [...log, ...added].sort((a, b) => a.at - b.at);
  const keys = srsKeys(learnerId);
  const transaction = (await getValkey('app')).multi();
  for (const [id, card] of updates) transaction.hset(keys.cards, id, JSON.stringify(card)).zadd(keys.due, card.due, id);
  if (added.length > 0) {
    transaction.del(keys.log);
    for (let i = 0; i < merged.length; i += 1000) transaction.rpush(keys.log, ...merged.slice(i, i + 1000).map((entry) => JSON.stringify(entry)));
  }
  await transaction.exec();
  return { cards: updates.length, reviews: added.length, skipped };
}
