import { describe, expect, it } from 'vitest';
import {
  flashcardScore,
  isWeak,
  overallScore,
  scenarioScore,
  topicAverages,
  topicScores,
  weakTopics,
  WEAK_BELOW,
} from './scoring';
import type { TopicScore } from './types';

describe('question scores', () => {
  it('scores a scenario as ticked key points over key points, counting each point once', () => {
    expect(scenarioScore(4, [])).toBe(0);
    expect(scenarioScore(4, [0, 2])).toBe(0.5);
    expect(scenarioScore(4, [0, 0, 2, 2])).toBe(0.5);
    expect(scenarioScore(3, [0, 1, 2])).toBe(1);
    expect(scenarioScore(2, [5, -1])).toBe(0);
  });

  it('scores a self-assessed flashcard as covered 1, partly 0.5, missed 0', () => {
    expect([flashcardScore('covered'), flashcardScore('partly'), flashcardScore('missed')]).toEqual([1, 0.5, 0]);
  });
});

describe('topic scores', () => {
  const questions = [
    { topics: ['caching-patterns' as const, 'stampedes' as const], score: 80 },
    { topics: ['caching-patterns' as const], score: 50 },
    { topics: ['security' as const], score: 0 },
  ];

  it('averages the questions that count for each topic, in the order the topics are listed', () => {
    expect(topicScores(questions, ['security', 'caching-patterns', 'stampedes', 'engines'])).toEqual([
      { topic: 'security', score: 0, questions: 1 },
      { topic: 'caching-patterns', score: 65, questions: 2 },
      { topic: 'stampedes', score: 80, questions: 1 },
    ]);
  });

  it('calls a topic weak below 60%, on the rounded figure', () => {
    expect(WEAK_BELOW).toBe(60);
    expect([isWeak(59), isWeak(60)]).toEqual([true, false]);
    const scores: TopicScore[] = [
      { topic: 'engines', score: 59, questions: 1 },
      { topic: 'security', score: 60, questions: 1 },
      { topic: 'serverless', score: 0, questions: 2 },
    ];
    expect(weakTopics(scores)).toEqual(['engines', 'serverless']);
    expect(
      topicScores(
        [
          { topics: ['engines'], score: 59 },
          { topics: ['engines'], score: 60 },
        ],
        ['engines'],
      )[0]!.score,
    ).toBe(60);
  });

  it('scores the whole interview as the mean of its questions', () => {
    expect(overallScore(questions)).toBe(43);
    expect(overallScore([])).toBe(0);
  });
});

describe('topic averages over sessions', () => {
  it('gives each topic its mean, its latest score (sessions are newest first) and a count, in course order', () => {
    const sessions = [
      { at: '2026-03-02T00:00:00.000Z', topicScores: [{ topic: 'security' as const, score: 40, questions: 1 }] },
      {
        at: '2026-03-01T00:00:00.000Z',
        topicScores: [
          { topic: 'security' as const, score: 90, questions: 2 },
          { topic: 'engines' as const, score: 100, questions: 1 },
        ],
      },
    ];
    expect(topicAverages(sessions)).toEqual([
      {
        topic: 'engines',
        label: 'Engines',
        average: 100,
        latest: 100,
        sessions: 1,
        lastAt: '2026-03-01T00:00:00.000Z',
        weak: false,
      },
      {
        topic: 'security',
        label: 'Security',
        average: 65,
        latest: 40,
        sessions: 2,
        lastAt: '2026-03-02T00:00:00.000Z',
        weak: false,
      },
    ]);
    expect(topicAverages([])).toEqual([]);
  });
});
