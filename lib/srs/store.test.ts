/** The drill schedule in the app's real Valkey, held to ts-fsrs's own answers on a fixed clock. */
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { drillContent } from '@/lib/content/flashcards';
import { newLearnerId } from '@/lib/sandbox/learner';
import { closeValkeyClients, getValkey } from '@/lib/valkey/connections';
import { srsKeys } from '@/lib/valkey/keys';
import { exportHistory, importHistory } from './history-file';
import { toStored } from './scheduler';
import { drillQueue } from './service';
import { drillStats } from './stats';
import { bringTopicsForward, readHistory, readSchedule, recordReview, undoLastReview } from './store';

afterAll(closeValkeyClients);

const T0 = Date.parse('2026-11-02T09:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const card = drillContent().cards[0]!;
const UTC = { cram: false, tzOffsetMinutes: 0 };

describe('drill schedule', () => {
  it('schedules a sequence of grades exactly as ts-fsrs does', async () => {
    const learner = newLearnerId();
    const reference = fsrs(generatorParameters({ enable_fuzz: false, request_retention: 0.9 }));
    const steps: [number, Grade][] = [
      [0, Rating.Good],
      [10, Rating.Good],
      [3 * 24 * 60, Rating.Again],
      [3 * 24 * 60 + 10, Rating.Hard],
      [6 * 24 * 60, Rating.Easy],
    ];
    let expected: Card = createEmptyCard(at(0));
    for (const [minutes, grade] of steps) {
      expected = reference.next(expected, at(minutes), grade).card;
      const { due } = await recordReview(learner, card.id, grade, at(minutes), UTC);
      expect(due).toBe(expected.due.getTime());
    }
    const stored = (await readSchedule(learner)).cards.get(card.id);
    expect(stored).toEqual(toStored(expected));
    expect(await (await getValkey('app')).zscore(srsKeys(learner).due, card.id)).toBe(String(expected.due.getTime()));
    expect((await readHistory(learner)).map((entry) => entry.grade)).toEqual(steps.map(([, grade]) => grade));
  });

  it('finds due cards by time, introduces new ones up to the daily limit, and leaves the schedule alone in cram mode', async () => {
    const learner = newLearnerId();
    const options = { filter: { tags: [card.topic] }, cram: false, now: at(0), tzOffsetMinutes: 0 };
    const before = await drillQueue(learner, options);
    expect(before.counts).toMatchObject({ dueNow: 0, newLeftToday: 20, unseen: before.counts.deckSize });
    expect(before.cards[0]?.intervals).toEqual({
      '1': '1m',
      '2': '6m',
      '3': '10m',
      '4': expect.stringMatching(/^\d+d$/),
    });

    await recordReview(learner, card.id, Rating.Again, at(0), UTC);
    const soon = await drillQueue(learner, { ...options, now: at(0) });
    expect(soon.counts).toMatchObject({ dueNow: 0, dueToday: 1, newLeftToday: 19 });
    expect(soon.nextDueAt).toBe(at(1).getTime());
    const later = await drillQueue(learner, { ...options, now: at(2) });
    expect(later.counts.dueNow).toBe(1);
    expect(later.cards[0]?.id).toBe(card.id);

    const scheduled = (await readSchedule(learner)).cards.get(card.id);
    await recordReview(learner, card.id, Rating.Easy, at(3), { cram: true, tzOffsetMinutes: 0 });
    expect((await readSchedule(learner)).cards.get(card.id)).toEqual(scheduled);
    expect((await readHistory(learner)).at(-1)).toMatchObject({ cardId: card.id, cram: true, grade: 4 });
  });

  it('undoes the last grade, back to a new card', async () => {
    const learner = newLearnerId();
    await recordReview(learner, card.id, Rating.Good, at(0), UTC);
    const afterOne = (await readSchedule(learner)).cards.get(card.id);
    await recordReview(learner, card.id, Rating.Good, at(10), UTC);
    expect(await undoLastReview(learner)).toEqual({ cardId: card.id });
    expect((await readSchedule(learner)).cards.get(card.id)).toEqual(afterOne);
    expect(await undoLastReview(learner)).toEqual({ cardId: card.id });
    expect((await readSchedule(learner)).cards.has(card.id)).toBe(false);
    expect(await (await getValkey('app')).zcard(srsKeys(learner).due)).toBe(0);
    expect(
      (await drillQueue(learner, { filter: { tags: [] }, cram: false, now: at(20), tzOffsetMinutes: 0 })).counts
        .newLeftToday,
    ).toBe(20);
    expect(await undoLastReview(learner)).toBeNull();
  });

  it('skips corrupt stored cards and history entries, logs them, and reads the rest', async () => {
    const learner = newLearnerId();
    const other = drillContent().cards[1]!;
    await recordReview(learner, card.id, Rating.Good, at(0), UTC);
    await recordReview(learner, other.id, Rating.Good, at(1), UTC);
    const keys = srsKeys(learner);
    const app = await getValkey('app');
    await app.hset(keys.cards, other.id, '{"due":"soon"}');
    await app.rpush(keys.log, 'not json');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const schedule = await readSchedule(learner);
      expect([...schedule.cards.keys()]).toEqual([card.id]);
      expect((await readHistory(learner)).map((entry) => entry.cardId)).toEqual([card.id, other.id]);
      // Undo drops the corrupt last entry and takes back the grade before it.
      expect(await undoLastReview(learner)).toEqual({ cardId: other.id });
      expect((await readHistory(learner)).map((entry) => entry.cardId)).toEqual([card.id]);
      expect(warn).toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('brings the reviewed cards of weak topics forward, never later', async () => {
    const learner = newLearnerId();
    await recordReview(learner, card.id, Rating.Easy, at(0), UTC);
    const due = (await readSchedule(learner)).cards.get(card.id)!.due;
    expect(due).toBeGreaterThan(at(60 * 24).getTime());
    expect(await bringTopicsForward(learner, [card.topic], at(5))).toBe(1);
    expect(Number(await (await getValkey('app')).zscore(srsKeys(learner).due, card.id))).toBe(at(5).getTime());
    await bringTopicsForward(learner, [card.topic], at(60));
    expect(Number(await (await getValkey('app')).zscore(srsKeys(learner).due, card.id))).toBe(at(5).getTime());
    expect((await readSchedule(learner)).focus.has(card.topic)).toBe(true);
  });

  it('counts a streak of days and forecasts the next 14 days', async () => {
    const learner = newLearnerId();
    const day = 24 * 60;
    await recordReview(learner, card.id, Rating.Good, at(-2 * day), UTC);
    await recordReview(learner, card.id, Rating.Good, at(-day), UTC);
    await recordReview(learner, card.id, Rating.Good, at(0), UTC);
    const stats = await drillStats(learner, at(1), 0);
    expect(stats).toMatchObject({ streak: 3, reviewsToday: 1, cardsSeen: 1 });
    expect(stats.forecast).toHaveLength(14);
    expect(stats.forecast.reduce((sum, entry) => sum + entry.due, 0)).toBe(1);
    expect(stats.retention.at(-1)).toMatchObject({ day: '2026-11-02', reviews: 1, recalled: 1 });
  });

  it('exports a history that another browser imports, without doubling reviews', async () => {
    const from = newLearnerId();
    await recordReview(from, card.id, Rating.Good, at(0), UTC);
    const file = await exportHistory(from);
    const to = newLearnerId();
    expect(await importHistory(to, file)).toEqual({ cards: 1, reviews: 1, skipped: 0 });
    expect(await importHistory(to, { ...file, cards: { ...file.cards, 'gone-card': file.cards[card.id]! } })).toEqual({
      cards: 0,
      reviews: 0,
      skipped: 1,
    });
    expect((await readSchedule(to)).cards.get(card.id)).toEqual((await readSchedule(from)).cards.get(card.id));
    expect(await readHistory(to)).toHaveLength(1);
  });
});
