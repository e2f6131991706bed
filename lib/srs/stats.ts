import 'server-only';
/** The drill dashboard's figures: due counts, streak, retention over 30 days and a 14-day forecast. */
import { drillContent } from '@/lib/content/flashcards';
import { dueCardIds, readHistory, readSchedule } from './store';
import { localDay, startOfLocalDay, type DrillStats } from './types';

const DAY = 86_400_000;

export async function drillStats(learnerId: string, now: Date, tzOffsetMinutes: number): Promise<DrillStats> {
  const ms = now.getTime();
  const todayStart = startOfLocalDay(ms, tzOffsetMinutes);
  const [history, schedule, due] = await Promise.all([
    readHistory(learnerId),
    readSchedule(learnerId),
    dueCardIds(learnerId, todayStart + 14 * DAY - 1),
  ]);
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
    const reviews = history.filter(
      (entry) => entry.day === day && !entry.cram && entry.prev !== null && entry.prev.state === 2,
    );
    return { day, reviews: reviews.length, recalled: reviews.filter((entry) => entry.grade > 1).length };
  });
  const forecast = Array.from({ length: 14 }, (_, index) => {
    const start = todayStart + index * DAY;
    const count = due.filter((entry) =>
      index === 0 ? entry.due < start + DAY : entry.due >= start && entry.due < start + DAY,
    ).length;
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
