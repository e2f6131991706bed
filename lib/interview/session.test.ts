/** The session builder, on the real content and on small made-up decks where a rule needs exact numbers. */
import { describe, expect, it } from 'vitest';
import type { Flashcard, Scenario } from '@/lib/content/drill-schema';
import { TOPICS, type Topic } from '@/lib/content/topics';
import { drillContent } from '@/lib/content/flashcards';
import { flashcardReserve, planInterview, seededRandom, type PlannedQuestion } from './session';
import { FLASHCARD_MINUTES, INTERVIEW_LENGTHS } from './types';

const content = drillContent();
const total = (plan: PlannedQuestion[]) => plan.reduce((sum, question) => sum + question.minutes, 0);
const plan = (minutes: number, topics: readonly Topic[], seed: number) =>
  planInterview(content, { minutes, topics, random: seededRandom(seed) });

const card = (id: string, topic: Topic): Flashcard => ({
  id,
  question: `Question ${id}?`,
  answer: 'An answer long enough.',
  topic,
  lesson: 'x',
  tags: [],
  difficulty: 'easy',
});
const scenario = (id: string, topics: Topic[], minutes: number): Scenario => ({
  id,
  prompt: `Scenario ${id} prompt`,
  topics,
  lessons: ['x'],
  minutes,
  difficulty: 'medium',
  modelAnswer: 'A model answer long enough.',
  keyPoints: ['one', 'two'],
  commonMistakes: ['mistake'],
});

describe('seededRandom', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(seededRandom(43)()).not.toBe(values[0]);
  });
});

describe('planInterview on the real content', () => {
  const topicSets: Topic[][] = [
    [...TOPICS],
    ['caching-patterns'],
    ['engines', 'security'],
    ['stampedes', 'serverless', 'replication'],
    ['limits-and-pricing'],
  ];

  it('is deterministic for a seed, and different seeds give different sessions', () => {
    expect(plan(30, TOPICS, 7)).toEqual(plan(30, TOPICS, 7));
    const sessions = new Set(Array.from({ length: 10 }, (_, seed) => JSON.stringify(plan(30, TOPICS, seed))));
    expect(sessions.size).toBeGreaterThan(5);
  });

  it('never exceeds the length, never repeats a question, and only asks about the chosen topics', () => {
    for (const minutes of INTERVIEW_LENGTHS) {
      for (const topics of topicSets) {
        for (let seed = 0; seed < 25; seed++) {
          const questions = plan(minutes, topics, seed);
          const where = `${minutes} min, ${topics.join('+')}, seed ${seed}`;
          expect(total(questions), where).toBeLessThanOrEqual(minutes);
          expect(new Set(questions.map((question) => `${question.kind}:${question.id}`)).size, where).toBe(
            questions.length,
          );
          for (const question of questions) {
            expect(question.topics.length, where).toBeGreaterThan(0);
            expect(
              question.topics.every((topic) => topics.includes(topic)),
              where,
            ).toBe(true);
          }
        }
      }
    }
  });

  it('is mostly scenarios, filled with flashcards at two minutes each, and starts with a flashcard', () => {
    for (const minutes of INTERVIEW_LENGTHS) {
      for (let seed = 0; seed < 25; seed++) {
        const questions = plan(minutes, TOPICS, seed);
        const scenarios = questions.filter((question) => question.kind === 'scenario');
        const flashcards = questions.filter((question) => question.kind === 'flashcard');
        expect(total(scenarios)).toBeGreaterThan(total(flashcards));
        expect(total(scenarios)).toBeLessThanOrEqual(minutes - flashcardReserve(minutes));
        expect(flashcards.length).toBeGreaterThan(0);
        expect(flashcards.every((question) => question.minutes === FLASHCARD_MINUTES)).toBe(true);
        // Filled: not even one more flashcard would fit.
        expect(minutes - total(questions)).toBeLessThan(FLASHCARD_MINUTES);
        expect(questions[0]?.kind).toBe('flashcard');
      }
    }
  });

  it('fits a 15-minute interview on every topic into one or two scenarios and a few flashcards', () => {
    for (let seed = 0; seed < 25; seed++) {
      const kinds = plan(15, TOPICS, seed).map((question) => question.kind);
      expect(kinds.filter((kind) => kind === 'scenario').length).toBeGreaterThanOrEqual(1);
      expect(kinds.filter((kind) => kind === 'scenario').length).toBeLessThanOrEqual(2);
      expect(kinds.length).toBeLessThanOrEqual(4);
    }
  });

  it('counts a scenario only for the chosen topics it touches', () => {
    const questions = plan(45, ['stampedes'], 3);
    const scenarios = questions.filter((question) => question.kind === 'scenario');
    expect(scenarios.length).toBeGreaterThan(0);
    for (const question of scenarios) {
      expect(question.topics).toEqual(['stampedes']);
      expect(content.scenarios.find((candidate) => candidate.id === question.id)!.topics).toContain('stampedes');
    }
  });
});

describe('planInterview rules, on small decks', () => {
  it('prefers a scenario that covers a topic not covered yet', () => {
    const deck = {
      cards: [card('c1', 'engines')],
      scenarios: [scenario('a1', ['security'], 5), scenario('a2', ['security'], 5), scenario('b', ['engines'], 5)],
    };
    for (let seed = 0; seed < 20; seed++) {
      const questions = planInterview(deck, {
        minutes: 15,
        topics: ['security', 'engines'],
        random: seededRandom(seed),
      });
      const scenarioIds = questions.filter((question) => question.kind === 'scenario').map((question) => question.id);
      expect(scenarioIds).toHaveLength(2);
      expect(scenarioIds).toContain('b');
    }
  });

  const twoTopics = {
    cards: [
      card('e1', 'engines'),
      card('e2', 'engines'),
      card('e3', 'engines'),
      card('s1', 'security'),
      card('s2', 'security'),
    ],
    scenarios: [scenario('sec', ['security'], 6)],
  };

  it('fills with flashcards from the least-covered topic', () => {
    for (let seed = 0; seed < 20; seed++) {
      // 12 minutes: the 6-minute scenario on security, then three flashcards. Security is covered
      // once already, so engines gets the first card, then one each.
      const questions = planInterview(twoTopics, {
        minutes: 12,
        topics: ['engines', 'security'],
        random: seededRandom(seed),
      });
      const cardTopics = questions
        .filter((question) => question.kind === 'flashcard')
        .map((question) => question.topics[0]);
      expect(cardTopics.sort()).toEqual(['engines', 'engines', 'security']);
    }
  });

  it('is shorter than the length when the chosen topics run out of questions', () => {
    const questions = planInterview(twoTopics, {
      minutes: 30,
      topics: ['engines', 'security'],
      random: seededRandom(1),
    });
    expect(questions).toHaveLength(6);
    expect(total(questions)).toBe(16);
  });

  it('skips scenarios too long for the time left and gives flashcards the reserve', () => {
    const deck = {
      cards: [card('e1', 'engines'), card('e2', 'engines')],
      scenarios: [scenario('long', ['engines'], 14), scenario('short', ['engines'], 5)],
    };
    const questions = planInterview(deck, { minutes: 15, topics: ['engines'], random: seededRandom(9) });
    expect(questions.map((question) => question.id)).toEqual(expect.arrayContaining(['short']));
    expect(questions.map((question) => question.id)).not.toContain('long');
    expect(total(questions)).toBeLessThanOrEqual(15);
  });

  it('uses the whole length for scenarios when the topics have no flashcards', () => {
    const deck = { cards: [], scenarios: [scenario('a', ['engines'], 8), scenario('b', ['engines'], 7)] };
    expect(total(planInterview(deck, { minutes: 15, topics: ['engines'], random: seededRandom(2) }))).toBe(15);
  });

  it('returns no questions when nothing matches the topics', () => {
    expect(
      planInterview(
        { cards: [card('e1', 'engines')], scenarios: [] },
        { minutes: 15, topics: ['security'], random: seededRandom(0) },
      ),
    ).toEqual([]);
  });
});
