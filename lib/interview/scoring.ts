/**
 * Scores of a mock interview, pure. A scenario scores the share of its key points the learner
 * ticked; a flashcard scores the learner's own verdict (covered 1, partly ½, missed 0). A topic
 * scores the mean of the questions that count for it, and is weak below WEAK_BELOW percent.
 * Scores are whole percents, and "weak" is decided on the rounded figure the learner sees.
 */
import { TOPIC_LABELS, TOPICS, type Topic } from '@/lib/content/topics';
import type { InterviewResult, QuestionResult, SelfAssessment, TopicAverage, TopicScore } from './types';

export const WEAK_BELOW = 60;

export const ASSESSMENT_SCORES: Record<SelfAssessment, number> = { covered: 1, partly: 0.5, missed: 0 };

export const toPercent = (fraction: number) => Math.round(fraction * 100);

export const isWeak = (percent: number) => percent < WEAK_BELOW;

/** Ticked key points over all key points; repeated or out-of-range indices are the caller's to reject. */
export function scenarioScore(keyPointCount: number, covered: readonly number[]): number {
  if (keyPointCount === 0) return 0;
  return new Set(covered.filter((index) => index >= 0 && index < keyPointCount)).size / keyPointCount;
}

export const flashcardScore = (assessment: SelfAssessment) => ASSESSMENT_SCORES[assessment];

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Per-topic means, in the order the topics are listed. Topics no question counted for are left out. */
export function topicScores(
  questions: readonly Pick<QuestionResult, 'topics' | 'score'>[],
  topics: readonly Topic[],
): TopicScore[] {
  return topics.flatMap((topic) => {
    const scores = questions.filter((question) => question.topics.includes(topic)).map((question) => question.score);
    return scores.length === 0 ? [] : [{ topic, score: Math.round(mean(scores)), questions: scores.length }];
  });
}

export const weakTopics = (scores: readonly TopicScore[]): Topic[] =>
  scores.filter((entry) => isWeak(entry.score)).map((entry) => entry.topic);

/** The whole interview's score: the mean of its question scores, in percent. */
export const overallScore = (questions: readonly Pick<QuestionResult, 'score'>[]) =>
  questions.length === 0 ? 0 : Math.round(mean(questions.map((question) => question.score)));

/** Per topic, over sessions listed newest first: the mean score, the latest score and how many sessions covered it. */
export function topicAverages(sessions: readonly Pick<InterviewResult, 'at' | 'topicScores'>[]): TopicAverage[] {
  return TOPICS.flatMap((topic) => {
    const seen = sessions.flatMap((session) =>
      session.topicScores
        .filter((entry) => entry.topic === topic)
        .map((entry) => ({ score: entry.score, at: session.at })),
    );
    const latest = seen[0];
    if (!latest) return [];
    const average = Math.round(mean(seen.map((entry) => entry.score)));
    return [
      {
        topic,
        label: TOPIC_LABELS[topic],
        average,
        latest: latest.score,
        sessions: seen.length,
        lastAt: latest.at,
        weak: isWeak(average),
      },
    ];
  });
}
