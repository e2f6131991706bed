/** Interview results in the app's real Valkey: scored again on the server, capped, and weak topics brought forward in the drills. */
import { Rating } from 'ts-fsrs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { drillContent } from '@/lib/content/flashcards';
import { newLearnerId } from '@/lib/sandbox/learner';
import { recordReview } from '@/lib/srs/store';
import { closeValkeyClients, getValkey } from '@/lib/valkey/connections';
import { interviewKey, srsKeys } from '@/lib/valkey/keys';
import { InvalidAnswerError, startInterview, submitInterview, UnknownQuestionError } from './service';
import { MAX_STORED_INTERVIEWS, readInterviewResults, saveInterviewResult } from './store';
import type { InterviewResult } from './types';

afterAll(closeValkeyClients);

const content = drillContent();
const securityScenario = content.scenarios.find((scenario) => scenario.topics.includes('security'))!;
const [securityCard, otherSecurityCard] = content.cards.filter((card) => card.topic === 'security');
const engineCard = content.cards.find((card) => card.topic === 'engines')!;
const DAY = 86_400_000;

const result = (id: string, at: string): InterviewResult => ({
  id,
  at,
  minutes: 15,
  topics: ['engines'],
  elapsedSeconds: 60,
  score: 50,
  questions: [{ kind: 'flashcard', id: engineCard.id, topics: ['engines'], score: 50, assessment: 'partly' }],
  topicScores: [{ topic: 'engines', score: 50, questions: 1 }],
  weakTopics: ['engines'],
});

describe('interview store', () => {
  it('returns the newest sessions first and keeps at most the last fifty', async () => {
    const learner = newLearnerId();
    for (let i = 0; i < MAX_STORED_INTERVIEWS + 3; i++)
      await saveInterviewResult(learner, result(`r${i}`, new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString()));
    expect(await (await getValkey('app')).llen(interviewKey(learner))).toBe(MAX_STORED_INTERVIEWS);
    const history = await readInterviewResults(learner, 5);
    expect(history.sessions.map((session) => session.id)).toEqual(['r52', 'r51', 'r50', 'r49', 'r48']);
    expect(history.topics).toEqual([
      expect.objectContaining({
        topic: 'engines',
        average: 50,
        latest: 50,
        sessions: MAX_STORED_INTERVIEWS,
        weak: true,
      }),
    ]);
  });

  it('skips a corrupt stored entry, logs it, and reads the rest', async () => {
    const learner = newLearnerId();
    await saveInterviewResult(learner, result('older', '2026-01-01T00:00:00.000Z'));
    await (
      await getValkey('app')
    ).lpush(
      interviewKey(learner),
      'not json',
      JSON.stringify({ ...result('bad', '2026-01-02T00:00:00.000Z'), score: 'high' }),
    );
    await saveInterviewResult(learner, result('newer', '2026-01-03T00:00:00.000Z'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const history = await readInterviewResults(learner);
      expect(history.sessions.map((session) => session.id)).toEqual(['newer', 'older']);
      expect(history.topics).toEqual([expect.objectContaining({ topic: 'engines', sessions: 2 })]);
      expect(warn).toHaveBeenCalledTimes(2);
    } finally {
      warn.mockRestore();
    }
  });

  it('answers an empty history for a new learner', async () => {
    expect(await readInterviewResults(newLearnerId())).toEqual({ sessions: [], topics: [] });
  });
});

describe('submitInterview', () => {
  it('scores from the content, saves the result and lists lessons for weak topics', async () => {
    const learner = newLearnerId();
    const summary = await submitInterview(learner, {
      minutes: 15,
      topics: ['security', 'engines'],
      elapsedSeconds: 500,
      answers: [
        // Repeated ticks count once: 2 of n key points.
        { kind: 'scenario', id: securityScenario.id, covered: [0, 1, 1, 0], seconds: 300 },
        { kind: 'flashcard', id: engineCard.id, assessment: 'covered' },
        { kind: 'flashcard', id: securityCard!.id, assessment: 'partly' },
      ],
    });
    const scenarioPercent = Math.round((2 / securityScenario.keyPoints.length) * 100);
    expect(summary.result.questions.map((question) => question.score)).toEqual([scenarioPercent, 100, 50]);
    expect(summary.result.questions[0]).toMatchObject({
      covered: [0, 1],
      keyPoints: securityScenario.keyPoints.length,
      topics: ['security'],
      seconds: 300,
    });
    const securityScore = Math.round((scenarioPercent + 50) / 2);
    expect(summary.result.topicScores).toEqual([
      { topic: 'security', score: securityScore, questions: 2 },
      { topic: 'engines', score: 100, questions: 1 },
    ]);
    expect(securityScore).toBeLessThan(60);
    expect(summary.result.weakTopics).toEqual(['security']);
    expect(summary.weakTopics).toEqual([
      {
        topic: 'security',
        label: 'Security',
        score: securityScore,
        lessons: [{ slug: 'security', title: expect.any(String), href: '/learn/security' }],
      },
    ]);
    expect((await readInterviewResults(learner)).sessions).toEqual([summary.result]);
  });

  it('makes the reviewed cards of weak topics due now, and leaves strong topics alone', async () => {
    const learner = newLearnerId();
    const reviewedAt = new Date(Date.now() - DAY);
    for (const card of [securityCard!, engineCard])
      await recordReview(learner, card.id, Rating.Easy, reviewedAt, { cram: false, tzOffsetMinutes: 0 });
    const valkey = await getValkey('app');
    const dueBefore = Number(await valkey.zscore(srsKeys(learner).due, securityCard!.id));
    const now = new Date();
    expect(dueBefore).toBeGreaterThan(now.getTime());

    const summary = await submitInterview(
      learner,
      {
        minutes: 15,
        topics: ['security', 'engines'],
        answers: [
          { kind: 'flashcard', id: securityCard!.id, assessment: 'missed' },
          { kind: 'flashcard', id: otherSecurityCard!.id, assessment: 'partly' },
          { kind: 'flashcard', id: engineCard.id, assessment: 'covered' },
        ],
      },
      now,
    );
    expect(summary.result.weakTopics).toEqual(['security']);
    expect(summary.cardsBroughtForward).toBe(1);
    expect(Number(await valkey.zscore(srsKeys(learner).due, securityCard!.id))).toBe(now.getTime());
    expect(Number(await valkey.zscore(srsKeys(learner).due, engineCard.id))).toBeGreaterThan(now.getTime());
    // The never-reviewed card of the weak topic gets no due date, but its topic is in focus for new cards.
    expect(await valkey.zscore(srsKeys(learner).due, otherSecurityCard!.id)).toBeNull();
    expect(await valkey.smembers(srsKeys(learner).focus)).toEqual(['security']);
  });

  it('rejects answers that do not fit the content, saving nothing', async () => {
    const learner = newLearnerId();
    const base = { minutes: 15 as const, topics: ['security' as const] };
    await expect(
      submitInterview(learner, { ...base, answers: [{ kind: 'scenario', id: 'no-such-scenario', covered: [] }] }),
    ).rejects.toBeInstanceOf(UnknownQuestionError);
    await expect(
      submitInterview(learner, {
        ...base,
        answers: [{ kind: 'flashcard', id: 'no-such-card', assessment: 'covered' }],
      }),
    ).rejects.toThrow('There is no flashcard "no-such-card"');
    await expect(
      submitInterview(learner, {
        ...base,
        answers: [{ kind: 'scenario', id: securityScenario.id, covered: [securityScenario.keyPoints.length] }],
      }),
    ).rejects.toThrow(/key points, numbered from 0/);
    await expect(
      submitInterview(learner, { ...base, answers: [{ kind: 'flashcard', id: engineCard.id, assessment: 'covered' }] }),
    ).rejects.toThrow(/not one of the interview's topics/);
    const twice = { kind: 'flashcard' as const, id: securityCard!.id, assessment: 'covered' as const };
    await expect(submitInterview(learner, { ...base, answers: [twice, twice] })).rejects.toBeInstanceOf(
      InvalidAnswerError,
    );
    const tooLong = content.cards
      .filter((card) => card.topic === 'security')
      .slice(0, 8)
      .map((card) => ({ kind: 'flashcard' as const, id: card.id, assessment: 'covered' as const }));
    await expect(submitInterview(learner, { ...base, answers: tooLong })).rejects.toThrow(
      'These questions take 16 minutes, more than the 15-minute interview',
    );
    expect(await (await getValkey('app')).exists(interviewKey(learner))).toBe(0);
  });
});

describe('startInterview', () => {
  it('sends each question with its model answer as HTML and a rubric for scenarios', () => {
    const session = startInterview({ minutes: 30, topics: ['caching-patterns', 'stampedes'], seed: 11 });
    expect(session).toEqual(startInterview({ minutes: 30, topics: ['caching-patterns', 'stampedes'], seed: 11 }));
    expect(session.plannedMinutes).toBeLessThanOrEqual(30);
    expect(session.plannedMinutes).toBe(session.questions.reduce((sum, question) => sum + question.minutes, 0));
    const scenario = session.questions.find((question) => question.kind === 'scenario')!;
    const source = content.scenarios.find((candidate) => candidate.id === scenario.id)!;
    expect(scenario.keyPointsHtml).toHaveLength(source.keyPoints.length);
    expect(scenario.commonMistakesHtml).toHaveLength(source.commonMistakes.length);
    expect(scenario.modelAnswerHtml).toMatch(/^<p>|<ul>|<ol>/);
    expect(scenario.promptHtml).not.toMatch(/^<p>/);
    const flashcard = session.questions.find((question) => question.kind === 'flashcard')!;
    expect(flashcard).toMatchObject({ minutes: 2, keyPointsHtml: [], commonMistakesHtml: [] });
    expect(flashcard.modelAnswerHtml.length).toBeGreaterThan(20);
  });

  it('renders inline code in prompts as <code>, escaping HTML', () => {
    const withCode = content.cards.find((card) => card.question.includes('`'))!;
    const question = Array.from({ length: 100 }, (_, seed) =>
      startInterview({ minutes: 45, topics: [withCode.topic], seed }),
    )
      .flatMap((session) => session.questions)
      .find((candidate) => candidate.id === withCode.id)!;
    expect(question.promptHtml).toContain('<code>');
    expect(question.promptHtml).not.toContain('`');
  });
});
