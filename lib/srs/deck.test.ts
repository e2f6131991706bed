import { describe, expect, it } from 'vitest';
import type { Flashcard } from '@/lib/content/drill-schema';
import { inDeck, nextCards, type QueueInput } from './deck';
import type { StoredCard } from './types';

const card = (id: string, topic: Flashcard['topic'], tags: string[] = []): Flashcard => ({
  id,
  question: `${id}?`,
  answer: 'An answer.',
  topic,
  lesson: 'x',
  tags,
  difficulty: 'easy',
});
const cards = [
  card('a', 'engines'),
  card('b', 'engines', ['memcached']),
  card('c', 'serverless'),
  card('d', 'serverless'),
  card('e', 'security'),
];
const seen = (lastReview: number): StoredCard => ({
  due: 0,
  stability: 1,
  difficulty: 5,
  elapsed_days: 0,
  scheduled_days: 0,
  learning_steps: 0,
  reps: 1,
  lapses: 0,
  state: 2,
  last_review: lastReview,
});
const base: QueueInput = {
  cards,
  schedule: new Map(),
  focusTopics: new Set(),
  dueNow: [],
  newLeftToday: 20,
  filter: { tags: [] },
  cram: false,
  limit: 20,
};

describe('nextCards', () => {
  it('filters the deck by topic or tag', () => {
    expect(
      cards.filter((entry) => inDeck(entry, { tags: ['memcached', 'security'] })).map((entry) => entry.id),
    ).toEqual(['b', 'e']);
  });

  it('shows due cards first, then new cards up to the daily limit', () => {
    const schedule = new Map([
      ['c', seen(1)],
      ['a', seen(2)],
    ]);
    expect(nextCards({ ...base, schedule, dueNow: ['c', 'a'], newLeftToday: 2 }).map((entry) => entry.id)).toEqual([
      'c',
      'a',
      'b',
      'd',
    ]);
    expect(nextCards({ ...base, schedule, dueNow: [], newLeftToday: 0 })).toEqual([]);
  });

  it('puts new cards of weak interview topics first', () => {
    expect(
      nextCards({ ...base, focusTopics: new Set(['security']), newLeftToday: 2 }).map((entry) => entry.id),
    ).toEqual(['e', 'a']);
  });

  it('in cram mode walks the whole deck, least recently seen first, ignoring due dates and limits', () => {
    const schedule = new Map([
      ['a', seen(50)],
      ['b', seen(10)],
    ]);
    expect(
      nextCards({ ...base, schedule, cram: true, newLeftToday: 0, filter: { tags: ['engines'] } }).map(
        (entry) => entry.id,
      ),
    ).toEqual(['b', 'a']);
  });
});
