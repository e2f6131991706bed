/**
 * H6 (issue 10): imports must not grow a learner's data in the app's Valkey without bound. The
 * history keeps MAX_LOG_ENTRIES however many files are merged, a file cannot name more cards than
 * the deck has, progress values are normalised, and the history route refuses bodies larger than
 * a full history needs. All on the real app Valkey.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { POST as importHistoryRoute } from '@/app/api/drills/history/route';
import { POST as importProgressRoute } from '@/app/api/progress/import/route';
import { drillContent } from '@/lib/content/flashcards';
import { contentLibrary } from '@/lib/content/lessons';
import { TOPICS } from '@/lib/content/topics';
import { MAX_STORED_INTERVIEWS, saveInterviewResult } from '@/lib/interview/store';
import { lessonItems, quizKeys } from '@/lib/content/quizzes';
import { importProgress, PROGRESS_IMPORT_MAX_BYTES, readProgress } from '@/lib/progress/store';
import { newLearnerId } from '@/lib/sandbox/learner';
import { learnerRequest } from '@/lib/testing/http';
import { closeValkeyClients, getValkey } from '@/lib/valkey/connections';
import { interviewKey, progressKey, srsKeys } from '@/lib/valkey/keys';
import { HISTORY_IMPORT_MAX_BYTES, importHistory } from './history-file';
import { bringTopicsForward, MAX_LOG_ENTRIES, readHistory } from './store';
import { DRILL_EXPORT_FORMAT, DrillExport, type ReviewEntry, type StoredCard } from './types';

afterAll(closeValkeyClients);

const cards = drillContent().cards;
const T0 = Date.parse('2026-01-01T00:00:00.000Z');

const realisticCard = (due: number): StoredCard => ({
  due,
  stability: 12.345678901234567,
  difficulty: 5.432109876543211,
  elapsed_days: 12,
  scheduled_days: 31,
  learning_steps: 0,
  reps: 9,
  lapses: 1,
  state: 2,
  last_review: due - 31 * 86_400_000,
});

/** `count` reviews, one minute apart from `start`, spread over the deck, each with a previous state. */
function reviews(count: number, start: number): ReviewEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const at = start + i * 60_000;
    return {
      cardId: cards[i % cards.length]!.id,
      grade: 3,
      at,
      cram: false,
      day: new Date(at).toISOString().slice(0, 10),
      prev: realisticCard(at),
    };
  });
}

const historyFile = (log: ReviewEntry[], fileCards: Record<string, StoredCard> = {}): DrillExport => ({
  format: DRILL_EXPORT_FORMAT,
  version: 1,
  exportedAt: '2026-01-01T00:00:00.000Z',
  cards: fileCards,
  log,
});

describe('history import limits', () => {
  it(`keeps at most ${MAX_LOG_ENTRIES} reviews however many files are merged, the newest ones`, async () => {
    const learner = newLearnerId();
    const first = await importHistory(learner, historyFile(reviews(15_000, T0)));
    expect(first.reviews).toBe(15_000);
    const laterStart = T0 + 15_000 * 60_000;
    const second = await importHistory(learner, historyFile(reviews(15_000, laterStart)));
    // Only the reviews that are kept count as imported.
    expect(second.reviews).toBe(15_000);
    const valkey = await getValkey('app');
    expect(await valkey.llen(srsKeys(learner).log)).toBe(MAX_LOG_ENTRIES);
    const kept = await readHistory(learner);
    expect(kept.at(-1)!.at).toBe(laterStart + 14_999 * 60_000);
    expect(kept[0]!.at).toBe(laterStart + 15_000 * 60_000 - MAX_LOG_ENTRIES * 60_000);
    // Older reviews than everything kept are dropped, and say so.
    expect(await importHistory(learner, historyFile(reviews(10, T0 - 3_600_000)))).toMatchObject({ reviews: 0 });
    expect(await valkey.llen(srsKeys(learner).log)).toBe(MAX_LOG_ENTRIES);
    await valkey.unlink(...Object.values(srsKeys(learner)));
  });

  it(`refuses a file with more than ${MAX_LOG_ENTRIES} reviews, or more cards than the deck has`, async () => {
    const tooLong = DrillExport.safeParse(historyFile(reviews(MAX_LOG_ENTRIES + 1, T0)));
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues[0]?.message).toMatch(/at most 20,000 reviews/);

    const learner = newLearnerId();
    const many = Object.fromEntries(
      Array.from({ length: cards.length + 1 }, (_, i) => [`card-${i}`, realisticCard(T0)] as const),
    );
    await expect(importHistory(learner, historyFile([], many))).rejects.toMatchObject({
      code: 'bad_request',
      message: expect.stringContaining(`${cards.length} cards`),
    });
    expect(await (await getValkey('app')).exists(srsKeys(learner).cards)).toBe(0);
  });

  it('accepts a full history through the route, and refuses a body larger than one needs with 413', async () => {
    const fullDeck = Object.fromEntries(cards.map((card) => [card.id, realisticCard(T0)] as const));
    const full = JSON.stringify(historyFile(reviews(MAX_LOG_ENTRIES, T0), fullDeck));
    // Room to spare for real files (longer numbers), but far below the old 20 MB.
    console.info(`a full history file: ${full.length} bytes`);
    expect(full.length).toBeLessThan(HISTORY_IMPORT_MAX_BYTES * 0.9);
    expect(HISTORY_IMPORT_MAX_BYTES).toBeLessThanOrEqual(10 * 1024 * 1024);
    const accepted = await importHistoryRoute(learnerRequest('/api/drills/history', undefined, full));
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ ok: true, reviews: MAX_LOG_ENTRIES, cards: cards.length });

    const padded = full.slice(0, -1) + ',"padding":"' + 'x'.repeat(HISTORY_IMPORT_MAX_BYTES) + '"}';
    const refused = await importHistoryRoute(learnerRequest('/api/drills/history', undefined, padded));
    expect(refused.status).toBe(413);
  });
});

/**
 * The most one learner can hold in the app's Valkey, by construction: the history trimmed to
 * MAX_LOG_ENTRIES, a card state per deck card, one progress field per content id, at most
 * MAX_STORED_INTERVIEWS interviews. docs/configuration.md quotes this figure.
 */
/** Progress on every lesson, quiz (all choices ticked, a million attempts) and challenge of the content. */
const everyItemProgress = (at: string) => ({
  lessons: Object.fromEntries(contentLibrary().lessons.map((lesson) => [lesson.slug, at])),
  quizzes: Object.fromEntries(
    [...quizKeys()].map(([id, key]) => [
      id,
      {
        choices: Array.from({ length: key.choiceCount }, (_, i) => i),
        correct: false,
        firstTryCorrect: false,
        attempts: 1_000_000,
        at,
      },
    ]),
  ),
  challenges: Object.fromEntries(lessonItems().flatMap((lesson) => lesson.challengeIds.map((id) => [id, at]))),
});

const LEARNER_STORE_BOUND_BYTES = 16 * 1024 * 1024;

describe('bytes per learner', () => {
  it(`stay under ${LEARNER_STORE_BOUND_BYTES / 1024 / 1024} MB with every structure at its largest (MEMORY USAGE)`, async () => {
    const learner = newLearnerId();
    // The longest numbers JSON writes (24 characters), and the deck's longest card id.
    const huge = (i: number) => -Number(`1.${1_234_567_890_123_456 + i}e+300`);
    const longestId = cards.map((card) => card.id).sort((a, b) => b.length - a.length)[0]!;
    const worstCard = (i: number): StoredCard => ({
      due: huge(i),
      stability: huge(i),
      difficulty: huge(i),
      elapsed_days: huge(i),
      scheduled_days: huge(i),
      learning_steps: huge(i),
      reps: Number.MAX_SAFE_INTEGER,
      lapses: Number.MAX_SAFE_INTEGER,
      state: 3,
      last_review: huge(i),
    });
    const log: ReviewEntry[] = Array.from({ length: MAX_LOG_ENTRIES }, (_, i) => ({
      cardId: longestId,
      grade: 4,
      at: huge(i),
      cram: false,
      day: '2026-01-01',
      prev: worstCard(i),
    }));
    console.info(`the largest review entry: ${JSON.stringify(log[0]).length} bytes`);
    await importHistory(learner, historyFile(log, Object.fromEntries(cards.map((card, i) => [card.id, worstCard(i)]))));
    const at = '2026-01-01T00:00:00.000Z';
    await importProgress(learner, everyItemProgress(at));
    // Larger than any interview the scorer writes: 40 questions, each with 100 ticked points.
    const interview = {
      id: crypto.randomUUID(),
      at,
      minutes: 45 as const,
      topics: [...TOPICS],
      elapsedSeconds: 36_000,
      score: 100,
      questions: Array.from({ length: 40 }, () => ({
        kind: 'scenario' as const,
        id: longestId,
        topics: [...TOPICS],
        score: 33.333333333333336,
        covered: Array.from({ length: 100 }, (_, i) => i),
        keyPoints: 100,
        seconds: 36_000,
      })),
      topicScores: TOPICS.map((topic) => ({ topic, score: 33.333333333333336, questions: 40 })),
      weakTopics: [...TOPICS],
    };
    for (let i = 0; i < MAX_STORED_INTERVIEWS + 5; i++) await saveInterviewResult(learner, interview);
    await bringTopicsForward(learner, [...TOPICS]);

    const valkey = await getValkey('app');
    const keys = [...Object.values(srsKeys(learner)), progressKey(learner), interviewKey(learner)];
    const sizes = await Promise.all(
      keys.map(async (key) => Number((await valkey.memory('USAGE', key, 'SAMPLES', 0)) ?? 0)),
    );
    const total = sizes.reduce((sum, size) => sum + size, 0);
    console.info(
      `one learner at every limit: ${total} bytes (${keys.map((key, i) => `${key.split(':').slice(2).join(':')} ${sizes[i]}`).join(', ')})`,
    );
    expect(await valkey.llen(srsKeys(learner).log)).toBe(MAX_LOG_ENTRIES);
    expect(await valkey.llen(interviewKey(learner))).toBe(MAX_STORED_INTERVIEWS);
    expect(total).toBeLessThan(LEARNER_STORE_BOUND_BYTES);
    await valkey.unlink(...keys);
  });
});

describe('progress import limits', () => {
  it('stores only known content ids, each timestamp in its 24-character form', async () => {
    const learner = newLearnerId();
    const lesson = contentLibrary().lessons[0]!.slug;
    const longTimestamp = `2026-01-01T00:00:00.${'1'.repeat(100_000)}Z`;
    const outcome = await importProgress(learner, {
      lessons: {
        [lesson]: longTimestamp,
        ...Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`x${i}`, longTimestamp])),
      },
      quizzes: {},
      challenges: {},
    });
    expect(outcome).toEqual({ imported: 1, skipped: 500 });
    expect((await readProgress(learner)).lessons[lesson]).toBe('2026-01-01T00:00:00.111Z');
    const valkey = await getValkey('app');
    expect(await valkey.hstrlen(progressKey(learner), `lesson:${lesson}`)).toBe(24);
    await valkey.unlink(progressKey(learner));
  });

  it('accepts a file with every lesson, quiz and challenge, and refuses one larger than that needs with 413', async () => {
    const at = '2026-01-01T00:00:00.000Z';
    const full = {
      format: 'keyspace-progress',
      version: 1,
      exportedAt: at,
      progress: everyItemProgress(at),
    };
    const size = JSON.stringify(full).length;
    console.info(`a progress file with all of today's content: ${size} bytes`);
    expect(size).toBeLessThan(PROGRESS_IMPORT_MAX_BYTES / 2);
    expect((await importProgressRoute(learnerRequest('/api/progress/import', undefined, full))).status).toBe(200);

    const response = await importProgressRoute(
      learnerRequest('/api/progress/import', undefined, {
        format: 'keyspace-progress',
        version: 1,
        exportedAt: '2026-01-01T00:00:00.000Z',
        progress: { lessons: { x: `2026-01-01T00:00:00.${'1'.repeat(300_000)}Z` }, quizzes: {}, challenges: {} },
      }),
    );
    expect(response.status).toBe(413);
  });
});
