/** Keeping a mock interview in the browser: what is saved, what a reload reads back, and the clocks after it. */
import { describe, expect, it } from 'vitest';
import { startInterview } from './service';
import {
  SAVED_INTERVIEW_KEY,
  SAVED_INTERVIEW_MAX_AGE_MS,
  answeringSeconds,
  readSavedInterview,
  sameQuestions,
  writeSavedInterview,
  type InterviewProgress,
  type InterviewStorage,
} from './saved-interview';
import type { InterviewResultSummary } from './types';

/** localStorage's contract over a Map: a real Storage exists only in the browser (the e2e spec covers that one). */
function memoryStorage(): InterviewStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

// A session as the server builds it from the real content; the same request builds it again.
const request = { minutes: 15, topics: ['caching-patterns', 'stampedes'], seed: 7 } as const;
const session = startInterview({ ...request, topics: [...request.topics] });
const count = session.questions.length;
const T0 = Date.UTC(2026, 11, 4, 22, 0, 0);

/** On the second question for 95 s, a draft typed, the first question answered in 70 s and marked. */
const progress: InterviewProgress = {
  index: 1,
  revealed: false,
  drafts: ['cache-aside', 'jittered TTLs and a lock', ...Array.from({ length: count - 2 }, () => '')],
  reviews: Array.from({ length: count }, (_, at) => ({ covered: [], assessment: at === 0 ? 'partly' : null })),
  spent: [70, ...Array.from({ length: count - 1 }, () => 0)],
  since: T0 - 95_000,
};

describe('saved interviews', () => {
  it('reads back a running interview as written, and rebuilds the same questions from its request', () => {
    const storage = memoryStorage();
    expect(count).toBeGreaterThanOrEqual(3);
    expect(writeSavedInterview(storage, { phase: 'running', session, progress }, T0)).toBe(true);
    const saved = readSavedInterview(storage, T0 + 2_000);
    expect(saved).toMatchObject({ phase: 'running', request, progress, savedAt: T0 });
    // Plain data only: no question text or model answer is kept in the browser.
    expect(storage.items.get(SAVED_INTERVIEW_KEY)).not.toContain('<p>');
    expect(sameQuestions(saved!, startInterview({ ...saved!.request }))).toBe(true);
    expect(sameQuestions(saved!, startInterview({ ...saved!.request, seed: 8 }))).toBe(false);
  });

  it('keeps the clocks running across a reload: answering time counts from the saved start, not from zero', () => {
    const storage = memoryStorage();
    writeSavedInterview(storage, { phase: 'running', session, progress }, T0);
    // The page reloads 3 s later.
    const resumed = readSavedInterview(storage, T0 + 3_000);
    expect(resumed?.phase).toBe('running');
    if (resumed?.phase !== 'running') return;
    expect(answeringSeconds(resumed.progress, T0 + 3_000)).toBe(98);
    expect(answeringSeconds(resumed.progress, T0 + 10_000)).toBe(105);
    // Reviewing a model answer: the clock stays where it stopped, however long the reload took.
    const reviewing = { ...resumed.progress, revealed: true, since: null, spent: [70, 98, 0, 0].slice(0, count) };
    expect(answeringSeconds(reviewing, T0 + 600_000)).toBe(98);
    // A clock set ahead of the page's (another device's time) never shows negative time.
    expect(answeringSeconds({ ...resumed.progress, since: T0 + 5_000 }, T0)).toBe(0);
  });

  it('reads back the summary after the interview is scored', () => {
    const storage = memoryStorage();
    const summary: InterviewResultSummary = {
      result: {
        id: 'result-1',
        at: new Date(T0).toISOString(),
        minutes: 15,
        topics: ['caching-patterns'],
        elapsedSeconds: 300,
        score: 40,
        questions: [{ kind: 'flashcard', id: 'x', topics: ['caching-patterns'], score: 40, assessment: 'partly' }],
        topicScores: [{ topic: 'caching-patterns', score: 40, questions: 1 }],
        weakTopics: ['caching-patterns'],
      },
      weakTopics: [
        {
          topic: 'caching-patterns',
          label: 'Caching patterns',
          score: 40,
          lessons: [{ slug: 'caching-patterns', title: 'Caching patterns', href: '/learn/caching-patterns' }],
        },
      ],
      cardsBroughtForward: 2,
    };
    writeSavedInterview(storage, { phase: 'summary', session, summary, answered: 1 }, T0);
    expect(readSavedInterview(storage, T0 + 1_000)).toMatchObject({ phase: 'summary', answered: 1, summary });

    // A lesson link that does not point at a lesson is not trusted: the record is dropped.
    const tampered = JSON.parse(storage.items.get(SAVED_INTERVIEW_KEY)!) as { summary: InterviewResultSummary };
    tampered.summary.weakTopics[0]!.lessons[0]!.href = 'javascript:alert(1)';
    storage.setItem(SAVED_INTERVIEW_KEY, JSON.stringify(tampered));
    expect(readSavedInterview(storage, T0)).toBeNull();
  });

  it('drops, and removes, what is too old, not JSON, of another version, or does not fit its questions', () => {
    const stale = memoryStorage();
    writeSavedInterview(stale, { phase: 'running', session, progress }, T0);
    expect(readSavedInterview(stale, T0 + SAVED_INTERVIEW_MAX_AGE_MS)).not.toBeNull();
    expect(readSavedInterview(stale, T0 + SAVED_INTERVIEW_MAX_AGE_MS + 1)).toBeNull();
    expect(stale.items.has(SAVED_INTERVIEW_KEY)).toBe(false);

    const written = memoryStorage();
    writeSavedInterview(written, { phase: 'running', session, progress }, T0);
    const good = JSON.parse(written.items.get(SAVED_INTERVIEW_KEY)!) as Record<string, unknown>;
    const broken: unknown[] = [
      '{',
      { ...good, version: 2 },
      { ...good, phase: 'paused' },
      { ...good, progress: { ...progress, index: count } },
      { ...good, progress: { ...progress, drafts: ['only one'] } },
      { ...good, request: { ...request, minutes: 20 } },
    ];
    for (const value of broken) {
      const storage = memoryStorage();
      storage.setItem(SAVED_INTERVIEW_KEY, typeof value === 'string' ? value : JSON.stringify(value));
      expect(readSavedInterview(storage, T0), JSON.stringify(value)).toBeNull();
      expect(storage.items.has(SAVED_INTERVIEW_KEY)).toBe(false);
    }
    expect(readSavedInterview(memoryStorage(), T0)).toBeNull();
  });

  it('reports a browser that refuses to store (full or disabled) instead of throwing', () => {
    const full: InterviewStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(writeSavedInterview(full, { phase: 'running', session, progress }, T0)).toBe(false);
  });
});
