import { describe, expect, it } from 'vitest';
import { drillContent } from './flashcards';
import { contentLibrary } from './lessons';
import { TOPICS } from './topics';

// The six interview questions of the product brief (seed/elasticache-overview.txt), word for word.
const BRIEF_QUESTIONS = [
  'Redis/Valkey vs. Memcached?',
  'What is cluster mode and when enable it?',
  'Cache-aside vs. write-through?',
  'How do you handle a cache stampede?',
  "What's the difference between Multi-AZ and Global Datastore?",
  'When use ElastiCache Serverless?',
];

describe('the drill deck', () => {
  const { cards, scenarios } = drillContent();

  it('has at least 90 cards and 12 interview scenarios', () => {
    expect(cards.length).toBeGreaterThanOrEqual(90);
    expect(scenarios.length).toBeGreaterThanOrEqual(12);
  });

  it("holds the brief's six interview questions word for word, marked as such", () => {
    expect(
      cards
        .filter((card) => card.brief)
        .map((card) => card.question)
        .sort(),
    ).toEqual([...BRIEF_QUESTIONS].sort());
  });

  it('covers every topic and every lesson but the playbook', () => {
    expect(new Set(cards.map((card) => card.topic))).toEqual(new Set(TOPICS));
    const taught = new Set(cards.map((card) => card.lesson));
    const lessons = contentLibrary()
      .lessons.map((lesson) => lesson.slug)
      .filter((slug) => slug !== 'interview-playbook');
    expect(lessons.filter((slug) => !taught.has(slug))).toEqual([]);
  });
});
