import 'server-only';
/**
 * The mock interview's server side: a session built from the content, and a submitted interview
 * scored again from the content (the browser sends what was ticked, never a score), saved, and
 * its weak topics brought forward in the learner's drill schedule.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { Flashcard, Scenario } from '@/lib/content/drill-schema';
import { drillContent, markdownToHtml, type DrillContent } from '@/lib/content/flashcards';
import { findLesson } from '@/lib/content/lessons';
import { TOPIC_LABELS, type Topic } from '@/lib/content/topics';
import { AppError } from '@/lib/errors';
import { bringTopicsForward } from '@/lib/srs/store';
import { flashcardScore, overallScore, scenarioScore, toPercent, topicScores, weakTopics } from './scoring';
import { planInterview, seededRandom, type PlannedQuestion } from './session';
import { saveInterviewResult } from './store';
import {
  FLASHCARD_MINUTES,
  type InterviewQuestion,
  type InterviewSession,
  type InterviewResultSummary,
  type LessonLink,
  type QuestionResult,
  type ResultRequest,
  type SessionRequest,
} from './types';

/** A question id the content does not have (404). */
export class UnknownQuestionError extends AppError {
  override name = 'UnknownQuestionError';
  constructor(message: string) {
    super('not_found', message);
  }
}

/** A submission that does not fit the questions it names (400). */
export class InvalidAnswerError extends AppError {
  override name = 'InvalidAnswerError';
  constructor(message: string) {
    super('bad_request', message);
  }
}

/** Markdown that should stay inline (a prompt, a rubric line): the paragraph micromark wraps it in is dropped. */
function inlineHtml(markdown: string): string {
  return markdownToHtml(markdown)
    .trim()
    .replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}

/**
 * Markdown blocks (model answers). A code block whose long lines scroll sideways must be reachable
 * by keyboard (WCAG 2.1.1), as components/mdx/CodeBlock.tsx does for lessons; micromark writes
 * every block as a bare `<pre>`.
 */
function blockHtml(markdown: string): string {
  return markdownToHtml(markdown).replaceAll('<pre>', '<pre tabindex="0">');
}

function scenarioView(scenario: Scenario, planned: PlannedQuestion): InterviewQuestion {
  return {
    kind: 'scenario',
    id: scenario.id,
    promptHtml: inlineHtml(scenario.prompt),
    minutes: scenario.minutes,
    topics: planned.topics,
    difficulty: scenario.difficulty,
    modelAnswerHtml: blockHtml(scenario.modelAnswer),
    keyPointsHtml: scenario.keyPoints.map(inlineHtml),
    commonMistakesHtml: scenario.commonMistakes.map(inlineHtml),
  };
}

function flashcardView(card: Flashcard, planned: PlannedQuestion): InterviewQuestion {
  return {
    kind: 'flashcard',
    id: card.id,
    promptHtml: inlineHtml(card.question),
    minutes: FLASHCARD_MINUTES,
    topics: planned.topics,
    difficulty: card.difficulty,
    modelAnswerHtml: blockHtml(card.answer),
    keyPointsHtml: [],
    commonMistakesHtml: [],
  };
}

export function startInterview(request: SessionRequest, content: DrillContent = drillContent()): InterviewSession {
  const seed = request.seed ?? randomInt(0x1_0000_0000);
  const plan = planInterview(content, { minutes: request.minutes, topics: request.topics, random: seededRandom(seed) });
  // A valid request the content cannot serve: a 400 (what to send instead), not a 404 (the route exists).
  if (plan.length === 0)
    throw new AppError('bad_request', `There are no questions on ${request.topics.join(', ')} yet. Pick other topics.`);
  const scenarios = new Map(content.scenarios.map((scenario) => [scenario.id, scenario]));
  const questions = plan.map((planned) =>
    planned.kind === 'scenario'
      ? scenarioView(scenarios.get(planned.id)!, planned)
      : flashcardView(content.cardsById.get(planned.id)!, planned),
  );
  return {
    minutes: request.minutes,
    topics: request.topics,
    seed,
    plannedMinutes: plan.reduce((sum, question) => sum + question.minutes, 0),
    questions,
  };
}

/** The lessons that teach a topic: those of its flashcards, the most used first. */
function lessonsForTopic(topic: Topic): LessonLink[] {
  const counts = new Map<string, number>();
  for (const card of drillContent().cards)
    if (card.topic === topic) counts.set(card.lesson, (counts.get(card.lesson) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .flatMap(([slug]) => {
      const lesson = findLesson(slug);
      return lesson ? [{ slug, title: lesson.title, href: `/learn/${slug}` }] : [];
    });
}

/** Checks each answer against the content and scores it there. Throws on anything that does not fit. */
function scoreAnswers(request: ResultRequest): { questions: QuestionResult[]; minutes: number } {
  const content = drillContent();
  const scenarios = new Map(content.scenarios.map((scenario) => [scenario.id, scenario]));
  const chosen = new Set<Topic>(request.topics);
  const seen = new Set<string>();
  let minutes = 0;
  const questions = request.answers.map((answer): QuestionResult => {
    if (seen.has(`${answer.kind}:${answer.id}`))
      throw new InvalidAnswerError(`Question "${answer.id}" is answered twice: send each question once.`);
    seen.add(`${answer.kind}:${answer.id}`);
    const seconds = answer.seconds === undefined ? {} : { seconds: answer.seconds };
    if (answer.kind === 'scenario') {
      const scenario = scenarios.get(answer.id);
      if (!scenario)
        throw new UnknownQuestionError(
          `There is no scenario "${answer.id}". Start a new interview: the questions may have changed.`,
        );
      const topics = scenario.topics.filter((topic) => chosen.has(topic));
      if (topics.length === 0)
        throw new InvalidAnswerError(
          `Scenario "${answer.id}" is not about the interview's topics (${request.topics.join(', ')}).`,
        );
      const outOfRange = answer.covered.find((index) => index >= scenario.keyPoints.length);
      if (outOfRange !== undefined)
        throw new InvalidAnswerError(
          `Scenario "${answer.id}" has ${scenario.keyPoints.length} key points, numbered from 0: there is no key point ${outOfRange}.`,
        );
      minutes += scenario.minutes;
      const covered = [...new Set(answer.covered)].sort((a, b) => a - b);
      return {
        kind: 'scenario',
        id: scenario.id,
        topics,
        score: toPercent(scenarioScore(scenario.keyPoints.length, covered)),
        covered,
        keyPoints: scenario.keyPoints.length,
        ...seconds,
      };
    }
    const card = content.cardsById.get(answer.id);
    if (!card)
      throw new UnknownQuestionError(
        `There is no flashcard "${answer.id}". Start a new interview: the questions may have changed.`,
      );
    if (!chosen.has(card.topic))
      throw new InvalidAnswerError(
        `Flashcard "${answer.id}" is about ${card.topic}, which is not one of the interview's topics (${request.topics.join(', ')}).`,
      );
    minutes += FLASHCARD_MINUTES;
    return {
      kind: 'flashcard',
      id: card.id,
      topics: [card.topic],
      score: toPercent(flashcardScore(answer.assessment)),
      assessment: answer.assessment,
      ...seconds,
    };
  });
  return { questions, minutes };
}

export async function submitInterview(
  learnerId: string,
  request: ResultRequest,
  now: Date = new Date(),
): Promise<InterviewResultSummary> {
  const { questions, minutes } = scoreAnswers(request);
  if (minutes > request.minutes)
    throw new InvalidAnswerError(
      `These questions take ${minutes} minutes, more than the ${request.minutes}-minute interview they claim to be from.`,
    );
  const scores = topicScores(questions, request.topics);
  const weak = weakTopics(scores);
  const result = {
    id: randomUUID(),
    at: now.toISOString(),
    minutes: request.minutes,
    topics: request.topics,
    elapsedSeconds: request.elapsedSeconds ?? null,
    score: overallScore(questions),
    questions,
    topicScores: scores,
    weakTopics: weak,
  };
  await saveInterviewResult(learnerId, result);
  const cardsBroughtForward = await bringTopicsForward(learnerId, weak, now);
  return {
    result,
    weakTopics: scores
      .filter((entry) => weak.includes(entry.topic))
      .map((entry) => ({
        topic: entry.topic,
        label: TOPIC_LABELS[entry.topic],
        score: entry.score,
        lessons: lessonsForTopic(entry.topic),
      })),
    cardsBroughtForward,
  };
}
