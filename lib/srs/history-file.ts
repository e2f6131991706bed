import 'server-only';
/** The review history as a file: exported for backup or another browser, and merged back on import. */
import { drillContent } from '@/lib/content/flashcards';
import { AppError } from '@/lib/errors';
import { readHistory, readSchedule, writeMergedHistory } from './store';
import { DRILL_EXPORT_FORMAT, MAX_LOG_ENTRIES, type DrillExport, type ReviewEntry, type StoredCard } from './types';

/**
 * The largest history file the import route reads: a full history (MAX_LOG_ENTRIES reviews, each
 * with its card's previous state, about 300 bytes) and the whole deck come to about 6.2 MB; the
 * rest is room for longer numbers. history-limits.test.ts measures it.
 */
export const HISTORY_IMPORT_MAX_BYTES = 8 * 1024 * 1024;

export async function exportHistory(learnerId: string, now: Date = new Date()): Promise<DrillExport> {
  const [schedule, log] = await Promise.all([readSchedule(learnerId), readHistory(learnerId)]);
  return {
    format: DRILL_EXPORT_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    cards: Object.fromEntries(schedule.cards),
    log,
  };
}

/**
 * Merges an exported history: for each card the more recently reviewed state wins, and the review
 * logs are joined (a review already present is not added twice) and trimmed to the latest
 * MAX_LOG_ENTRIES, so no number of imports grows the history past what reviewing would.
 * Cards no longer in the deck are skipped; a file naming more cards than the deck has is refused.
 * `reviews` counts the imported reviews that were kept.
 */
export async function importHistory(
  learnerId: string,
  file: DrillExport,
): Promise<{ cards: number; reviews: number; skipped: number }> {
  const known = drillContent().cardsById;
  const cardCount = Object.keys(file.cards).length;
  if (cardCount > known.size)
    throw new AppError(
      'bad_request',
      `This file has ${cardCount} cards, but the deck has ${known.size} cards: it is not a Keyspace review history.`,
    );
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
  const added: ReviewEntry[] = file.log.filter(
    (entry) => known.has(entry.cardId) && !seen.has(`${entry.cardId}@${entry.at}`),
  );
  const merged = [...log, ...added].sort((a, b) => a.at - b.at).slice(-MAX_LOG_ENTRIES);
  const addedSet = new Set(added);
  const kept = merged.filter((entry) => addedSet.has(entry)).length;
  await writeMergedHistory(learnerId, updates, kept > 0 ? merged : null);
  return { cards: updates.length, reviews: kept, skipped };
}
