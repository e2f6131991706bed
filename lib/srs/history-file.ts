import 'server-only';
/** The review history as a file: exported for backup or another browser, and merged back on import. */
import { drillContent } from '@/lib/content/flashcards';
import { readHistory, readSchedule, writeMergedHistory } from './store';
import { DRILL_EXPORT_FORMAT, type DrillExport, type ReviewEntry, type StoredCard } from './types';

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
 * logs are joined (a review already present is not added twice). Cards no longer in the deck are skipped.
 */
export async function importHistory(
  learnerId: string,
  file: DrillExport,
): Promise<{ cards: number; reviews: number; skipped: number }> {
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
  const added: ReviewEntry[] = file.log.filter(
    (entry) => known.has(entry.cardId) && !seen.has(`${entry.cardId}@${entry.at}`),
  );
  const merged = [...log, ...added].sort((a, b) => a.at - b.at);
  await writeMergedHistory(learnerId, updates, added.length > 0 ? merged : null);
  return { cards: updates.length, reviews: added.length, skipped };
}
