import 'server-only';
/**
 * Each learner's flashcard schedule in the app's Valkey (append-only, so it survives restarts):
 * the srs:* keys of lib/valkey/keys.ts. Stored JSON is checked on read; a corrupt entry is skipped.
 */
import type { Grade } from 'ts-fsrs';
import type { Flashcard } from '@/lib/content/drill-schema';
import { drillContent } from '@/lib/content/flashcards';
import { AppError } from '@/lib/errors';
import { getValkey } from '@/lib/valkey/connections';
import { srsKeys } from '@/lib/valkey/keys';
import { parseStoredJson } from '@/lib/valkey/stored-json';
import { fromStored, newCard, reviewCard, toStored } from './scheduler';
import { localDay, MAX_LOG_ENTRIES, ReviewEntry, StoredCard } from './types';

export { MAX_LOG_ENTRIES };
export const DEFAULT_NEW_PER_DAY = 20;
const FOCUS_SECONDS = 14 * 24 * 3600;

const storedCard = (json: string) => parseStoredJson(StoredCard, json, 'flashcard state');
const reviewEntry = (json: string) => parseStoredJson(ReviewEntry, json, 'review history entry');

/** A card id, sent in a request body, that the deck does not have (400: the route itself exists). */
export class UnknownCardError extends AppError {
  override name = 'UnknownCardError';
  constructor(message: string) {
    super('bad_request', message);
  }
}

export interface LearnerSchedule {
  cards: Map<string, StoredCard>;
  focus: Set<string>;
}

export async function readSchedule(learnerId: string): Promise<LearnerSchedule> {
  const keys = srsKeys(learnerId);
  const valkey = await getValkey('app');
  const [cards, focus] = await Promise.all([valkey.hgetall(keys.cards), valkey.smembers(keys.focus)]);
  const schedule = new Map<string, StoredCard>();
  for (const [id, json] of Object.entries(cards)) {
    const card = storedCard(json);
    if (card) schedule.set(id, card);
  }
  return { cards: schedule, focus: new Set(focus) };
}

/** Card ids due at or before `until` (ms), earliest first. */
export async function dueCardIds(learnerId: string, until: number): Promise<{ id: string; due: number }[]> {
  const flat = await (await getValkey('app')).zrangebyscore(srsKeys(learnerId).due, '-inf', until, 'WITHSCORES');
  const due: { id: string; due: number }[] = [];
  for (let i = 0; i < flat.length; i += 2) due.push({ id: flat[i]!, due: Number(flat[i + 1]) });
  return due;
}

export async function newCardsIntroduced(learnerId: string, day: string): Promise<number> {
  return Number((await (await getValkey('app')).hget(srsKeys(learnerId).newPerDay, day)) ?? 0);
}

export async function newCardsPerDay(learnerId: string): Promise<number> {
  const value = await (await getValkey('app')).hget(srsKeys(learnerId).settings, 'newPerDay');
  return value === null ? DEFAULT_NEW_PER_DAY : Number(value);
}

export async function setNewCardsPerDay(learnerId: string, perDay: number): Promise<void> {
  await (await getValkey('app')).hset(srsKeys(learnerId).settings, 'newPerDay', String(perDay));
}

function requireCard(cardId: string): Flashcard {
  const card = drillContent().cardsById.get(cardId);
  if (!card)
    throw new UnknownCardError(`There is no flashcard "${cardId}". Reload the drills: the deck may have changed.`);
  return card;
}

/**
 * Records a grade. In cram mode the grade is kept in the history but the schedule is untouched,
 * so practising ahead never pushes a card's real review further away.
 */
export async function recordReview(
  learnerId: string,
  cardId: string,
  grade: Grade,
  now: Date,
  options: { cram: boolean; tzOffsetMinutes: number },
): Promise<{ due: number | null }> {
  requireCard(cardId);
  const keys = srsKeys(learnerId);
  const valkey = await getValkey('app');
  const previousJson = await valkey.hget(keys.cards, cardId);
  const previous = previousJson ? storedCard(previousJson) : null;
  const entry: ReviewEntry = {
    cardId,
    grade,
    at: now.getTime(),
    cram: options.cram,
    day: localDay(now.getTime(), options.tzOffsetMinutes),
    prev: previous,
  };
  const transaction = valkey.multi();
  let due: number | null = null;
  if (!options.cram) {
    const next = toStored(reviewCard(previous ? fromStored(previous) : newCard(now), grade, now).card);
    due = next.due;
    transaction.hset(keys.cards, cardId, JSON.stringify(next)).zadd(keys.due, next.due, cardId);
    if (!previous) transaction.hincrby(keys.newPerDay, entry.day, 1);
  }
  transaction.rpush(keys.log, JSON.stringify(entry)).ltrim(keys.log, -MAX_LOG_ENTRIES, -1);
  await transaction.exec();
  return { due };
}

/** Takes back the last grade: the card returns to the state it had before. Null when there is none. */
export async function undoLastReview(learnerId: string): Promise<{ cardId: string } | null> {
  const keys = srsKeys(learnerId);
  const valkey = await getValkey('app');
  // WATCH: if another tab grades in between, the undo retries on the new last entry.
  for (let attempt = 0; attempt < 5; attempt++) {
    await valkey.watch(keys.log);
    const last = await valkey.lindex(keys.log, -1);
    if (!last) {
      await valkey.unwatch();
      return null;
    }
    const entry = reviewEntry(last);
    const transaction = valkey.multi().rpop(keys.log);
    // A corrupt entry cannot be undone: it is dropped, and the next try undoes the entry before it.
    if (!entry) {
      await transaction.exec();
      continue;
    }
    if (!entry.cram) {
      if (entry.prev)
        transaction
          .hset(keys.cards, entry.cardId, JSON.stringify(entry.prev))
          .zadd(keys.due, entry.prev.due, entry.cardId);
      else
        transaction.hdel(keys.cards, entry.cardId).zrem(keys.due, entry.cardId).hincrby(keys.newPerDay, entry.day, -1);
    }
    if (await transaction.exec()) return { cardId: entry.cardId };
  }
  throw new Error('Could not undo: the history kept changing. Try again.');
}

/**
 * After a mock interview: the reviewed cards of weak topics become due now (never later than they
 * were), and their new cards come first for two weeks.
 */
export async function bringTopicsForward(
  learnerId: string,
  topics: readonly string[],
  now: Date = new Date(),
): Promise<number> {
  if (topics.length === 0) return 0;
  const keys = srsKeys(learnerId);
  const wanted = new Set(topics);
  const { cards } = await readSchedule(learnerId);
  const ids = drillContent()
    .cards.filter((card) => wanted.has(card.topic) && cards.has(card.id))
    .map((card) => card.id);
  const valkey = await getValkey('app');
  const transaction = valkey
    .multi()
    .sadd(keys.focus, ...topics)
    .expire(keys.focus, FOCUS_SECONDS);
  // LT: only ever moves a due date earlier.
  for (const id of ids) transaction.zadd(keys.due, 'LT', now.getTime(), id);
  await transaction.exec();
  return ids.length;
}

export async function readHistory(learnerId: string): Promise<ReviewEntry[]> {
  const entries = await (await getValkey('app')).lrange(srsKeys(learnerId).log, 0, -1);
  return entries.flatMap((json) => reviewEntry(json) ?? []);
}

/**
 * Writes merged card states and, when given, replaces the review log (an imported history file).
 * The log is trimmed to MAX_LOG_ENTRIES here too, so a review recorded meanwhile cannot push it over.
 */
export async function writeMergedHistory(
  learnerId: string,
  cards: [string, StoredCard][],
  log: ReviewEntry[] | null,
): Promise<void> {
  const keys = srsKeys(learnerId);
  const transaction = (await getValkey('app')).multi();
  for (const [id, card] of cards) transaction.hset(keys.cards, id, JSON.stringify(card)).zadd(keys.due, card.due, id);
  if (log) {
    transaction.del(keys.log);
    for (let i = 0; i < log.length; i += 1000)
      transaction.rpush(keys.log, ...log.slice(i, i + 1000).map((entry) => JSON.stringify(entry)));
    transaction.ltrim(keys.log, -MAX_LOG_ENTRIES, -1);
  }
  await transaction.exec();
}
