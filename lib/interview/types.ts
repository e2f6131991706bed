/**
 * The mock interview's shapes, shared by the builder, the scoring, the routes and the browser:
 * request bodies (validated with zod at the API edge), the questions a session sends, and the
 * results the server keeps. No server code here, so client components may import it.
 */
import { z } from 'zod';
import { TOPICS, type Topic } from '@/lib/content/topics';

export const INTERVIEW_LENGTHS = [15, 30, 45] as const;
export type InterviewLength = (typeof INTERVIEW_LENGTHS)[number];

/** Flashcard questions are short answers: this is their time budget in a session. */
export const FLASHCARD_MINUTES = 2;

export const SELF_ASSESSMENTS = ['covered', 'partly', 'missed'] as const;
export type SelfAssessment = (typeof SELF_ASSESSMENTS)[number];

const lengthSchema = z.literal(INTERVIEW_LENGTHS, {
  error: `must be ${INTERVIEW_LENGTHS.slice(0, -1).join(', ')} or ${INTERVIEW_LENGTHS.at(-1)} (minutes)`,
});
const topicSchema = z.enum(TOPICS, { error: `must be one of ${TOPICS.join(', ')}` });
const topicsSchema = z
  .array(topicSchema, { error: 'must be a list of topics, such as ["caching-patterns"]' })
  .min(1, 'pick at least one topic')
  .max(TOPICS.length)
  .refine((topics) => new Set(topics).size === topics.length, 'list each topic once');
const questionId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a question id');
/** Informational only: nothing is scored on time. Ten hours caps a tab left open overnight. */
const seconds = z.number().int().min(0).max(36_000);

/** `POST /api/interview/sessions`. The seed makes a session reproducible (tests, sharing). */
export const SessionRequest = z.strictObject({
  minutes: lengthSchema,
  topics: topicsSchema,
  seed: z.number().int().min(0).max(0xffff_ffff).optional(),
});
export type SessionRequest = z.infer<typeof SessionRequest>;

const ScenarioAnswer = z.strictObject({
  kind: z.literal('scenario'),
  id: questionId,
  /** Indices of the key points the learner ticked. */
  covered: z.array(z.number().int().min(0).max(99)).max(100),
  seconds: seconds.optional(),
});
const FlashcardAnswer = z.strictObject({
  kind: z.literal('flashcard'),
  id: questionId,
  assessment: z.enum(SELF_ASSESSMENTS, { error: `must be one of ${SELF_ASSESSMENTS.join(', ')}` }),
  seconds: seconds.optional(),
});
export const InterviewAnswer = z.discriminatedUnion('kind', [ScenarioAnswer, FlashcardAnswer], {
  error: 'must have "kind": "scenario" or "flashcard"',
});
export type InterviewAnswer = z.infer<typeof InterviewAnswer>;

/**
 * `POST /api/interview/results`: what the learner ticked, never a score. The server recomputes
 * every score from the content.
 */
export const ResultRequest = z.strictObject({
  minutes: lengthSchema,
  topics: topicsSchema,
  answers: z.array(InterviewAnswer).min(1, 'answer at least one question').max(40),
  elapsedSeconds: seconds.optional(),
});
export type ResultRequest = z.infer<typeof ResultRequest>;

/** One question of a session, as the browser shows it. HTML comes from our own Markdown, escaped. */
export interface InterviewQuestion {
  kind: 'scenario' | 'flashcard';
  id: string;
  promptHtml: string;
  minutes: number;
  /** The session's topics this question counts for. */
  topics: Topic[];
  difficulty: 'easy' | 'medium' | 'hard';
  modelAnswerHtml: string;
  /** Scenario rubric: the points to tick. Empty for flashcards, which are self-assessed. */
  keyPointsHtml: string[];
  commonMistakesHtml: string[];
}

export interface InterviewSession {
  minutes: InterviewLength;
  topics: Topic[];
  seed: number;
  /** Sum of the questions' minutes: never more than `minutes`. */
  plannedMinutes: number;
  questions: InterviewQuestion[];
}

const percent = z.number().min(0).max(100);

export const QuestionResult = z.object({
  kind: z.enum(['scenario', 'flashcard']),
  id: z.string(),
  topics: z.array(topicSchema),
  /** Percent, 0–100. */
  score: percent,
  covered: z.array(z.number().int()).optional(),
  keyPoints: z.number().int().optional(),
  assessment: z.enum(SELF_ASSESSMENTS).optional(),
  seconds: z.number().optional(),
});
export type QuestionResult = z.infer<typeof QuestionResult>;

export const TopicScore = z.object({
  topic: topicSchema,
  /** Percent, 0–100, rounded: the mean of the scores of the questions that count for the topic. */
  score: percent,
  questions: z.number().int(),
});
export type TopicScore = z.infer<typeof TopicScore>;

/** One finished interview as stored in the app's Valkey (checked when read back). */
export const InterviewResult = z.object({
  id: z.string(),
  /** ISO time the result was saved. */
  at: z.string(),
  minutes: lengthSchema,
  topics: z.array(topicSchema),
  elapsedSeconds: z.number().nullable(),
  /** Percent, the mean of the question scores. */
  score: percent,
  questions: z.array(QuestionResult),
  topicScores: z.array(TopicScore),
  weakTopics: z.array(topicSchema),
});
export type InterviewResult = z.infer<typeof InterviewResult>;

export interface LessonLink {
  slug: string;
  title: string;
  href: string;
}

export interface WeakTopic {
  topic: Topic;
  label: string;
  score: number;
  lessons: LessonLink[];
}

/** `POST /api/interview/results` answers with this. */
export interface InterviewResultSummary {
  result: InterviewResult;
  weakTopics: WeakTopic[];
  /** Reviewed flashcards of weak topics that are now due in the drills. */
  cardsBroughtForward: number;
}

/** A topic's interview record across the learner's stored sessions (for the dashboard). */
export interface TopicAverage {
  topic: Topic;
  label: string;
  /** Percent: the mean of the topic's score over the sessions that covered it. */
  average: number;
  /** Percent in the most recent session that covered it. */
  latest: number;
  sessions: number;
  /** ISO time of that most recent session. */
  lastAt: string;
  weak: boolean;
}

export interface InterviewHistory {
  sessions: InterviewResult[];
  topics: TopicAverage[];
}
