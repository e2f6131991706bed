/** The interview routes, called as Next.js calls them, on real Valkey. */
import { Rating } from 'ts-fsrs';
import { afterAll, describe, expect, it } from 'vitest';
import { issuedCookie, learnerRequest } from '@/lib/testing/http';
import { TOPICS } from '@/lib/content/topics';
import { drillContent } from '@/lib/content/flashcards';
import type {
  InterviewAnswer,
  InterviewHistory,
  InterviewResultSummary,
  InterviewSession,
} from '@/lib/interview/types';
import { recordReview } from '@/lib/srs/store';
import { srsKeys } from '@/lib/valkey/keys';
import { closeValkeyClients, getValkey } from '@/lib/valkey/connections';
import { GET as historyRoute, POST as resultsRoute } from './results/route';
import { POST as sessionsRoute } from './sessions/route';

afterAll(closeValkeyClients);

const learnerOf = (cookie: string) => cookie.split('.')[0]!;

async function startSession(
  body: object,
  cookie?: string,
): Promise<{ response: Response; session: InterviewSession; cookie: string }> {
  const response = await sessionsRoute(learnerRequest('/api/interview/sessions', cookie, JSON.stringify(body)));
  return {
    response,
    session: (await response.clone().json()) as InterviewSession,
    cookie: cookie ?? issuedCookie(response) ?? '',
  };
}

const submit = (cookie: string, body: object) =>
  resultsRoute(learnerRequest('/api/interview/results', cookie, JSON.stringify(body)));

/** Every rubric point ticked and every flashcard covered, or nothing at all. */
const answersFor = (session: InterviewSession, all: boolean): InterviewAnswer[] =>
  session.questions.map((question) =>
    question.kind === 'scenario'
      ? { kind: 'scenario', id: question.id, covered: all ? question.keyPointsHtml.map((_, index) => index) : [] }
      : { kind: 'flashcard', id: question.id, assessment: all ? 'covered' : 'missed' },
  );

describe('POST /api/interview/sessions', () => {
  it('builds a session within the length, the same for the same seed, and issues the learner cookie', async () => {
    const { response, session, cookie } = await startSession({ minutes: 15, topics: [...TOPICS], seed: 5 });
    expect(response.status).toBe(200);
    expect(cookie).toMatch(/^[a-z0-9]{12}\./);
    expect(session).toMatchObject({ ok: true, minutes: 15, seed: 5 });
    expect(session.plannedMinutes).toBeLessThanOrEqual(15);
    expect(
      session.questions.some((question) => question.kind === 'scenario' && question.keyPointsHtml.length >= 2),
    ).toBe(true);
    expect((await startSession({ minutes: 15, topics: [...TOPICS], seed: 5 }, cookie)).session.questions).toEqual(
      session.questions,
    );
    const unseeded = await startSession({ minutes: 30, topics: ['security'] }, cookie);
    expect(unseeded.session.seed).toEqual(expect.any(Number));
  });

  it('answers bad bodies with 400 and a message', async () => {
    const cases: [string, RegExp][] = [
      [JSON.stringify({ minutes: 20, topics: ['security'] }), /"minutes": must be 15, 30 or 45 \(minutes\)/],
      [JSON.stringify({ minutes: 15, topics: [] }), /"topics": pick at least one topic/],
      [JSON.stringify({ minutes: 15, topics: ['redis'] }), /"topics\.0": must be one of engines/],
      [JSON.stringify({ minutes: 15, topics: ['security', 'security'] }), /list each topic once/],
      [JSON.stringify({ minutes: 15, topics: ['security'], extra: 1 }), /Invalid request body/],
      ['{', /must be JSON/],
    ];
    for (const [body, message] of cases) {
      const response = await sessionsRoute(learnerRequest('/api/interview/sessions', undefined, body));
      expect(response.status, body).toBe(400);
      expect(await response.json(), body).toMatchObject({
        ok: false,
        code: 'bad_request',
        error: expect.stringMatching(message),
      });
    }
  });
});

describe('/api/interview/results', () => {
  it('scores a session on the server, brings weak topics forward and shows the history with per-topic averages', async () => {
    const { session, cookie } = await startSession({ minutes: 30, topics: ['caching-patterns', 'security'], seed: 3 });
    const learner = learnerOf(cookie);
    // A security card the learner has reviewed: due in days, until the interview finds security weak.
    const reviewed = drillContent().cards.find((card) => card.topic === 'security')!;
    await recordReview(learner, reviewed.id, Rating.Easy, new Date(Date.now() - 60_000), {
      cram: false,
      tzOffsetMinutes: 0,
    });
    const valkey = await getValkey('app');
    expect(Number(await valkey.zscore(srsKeys(learner).due, reviewed.id))).toBeGreaterThan(Date.now() + 3_600_000);

    const strong = await submit(cookie, {
      minutes: 30,
      topics: session.topics,
      answers: answersFor(session, true),
      elapsedSeconds: 1500,
    });
    expect(strong.status).toBe(200);
    const strongSummary = (await strong.json()) as InterviewResultSummary;
    expect(strongSummary).toMatchObject({
      result: { score: 100, weakTopics: [] },
      weakTopics: [],
      cardsBroughtForward: 0,
    });

    const before = Date.now();
    const weak = (await (
      await submit(cookie, { minutes: 30, topics: session.topics, answers: answersFor(session, false) })
    ).json()) as InterviewResultSummary;
    expect(weak.result.score).toBe(0);
    expect(weak.weakTopics.map((entry) => entry.topic).sort()).toEqual(['caching-patterns', 'security']);
    expect(weak.weakTopics.find((entry) => entry.topic === 'caching-patterns')!.lessons[0]).toMatchObject({
      slug: 'caching-patterns',
      href: '/learn/caching-patterns',
    });
    expect(weak.cardsBroughtForward).toBe(1);
    expect(Number(await valkey.zscore(srsKeys(learner).due, reviewed.id))).toBeLessThanOrEqual(Date.now());
    expect(Number(await valkey.zscore(srsKeys(learner).due, reviewed.id))).toBeGreaterThanOrEqual(before);

    const history = (await (
      await historyRoute(learnerRequest('/api/interview/results', cookie))
    ).json()) as InterviewHistory & { ok: boolean };
    expect(history.ok).toBe(true);
    expect(history.sessions.map((entry) => entry.score)).toEqual([0, 100]);
    expect(history.topics).toEqual([
      expect.objectContaining({ topic: 'caching-patterns', average: 50, latest: 0, sessions: 2, weak: true }),
      expect.objectContaining({ topic: 'security', average: 50, latest: 0, sessions: 2, weak: true }),
    ]);
  });

  it('does not take a score from the client, and answers bad submissions with 400 or 404', async () => {
    const { session, cookie } = await startSession({ minutes: 15, topics: ['security'], seed: 1 });
    const answers = answersFor(session, false);
    const withScore = await submit(cookie, { minutes: 15, topics: ['security'], answers, score: 100 });
    expect(withScore.status).toBe(400);
    const scoredAnswer = await submit(cookie, {
      minutes: 15,
      topics: ['security'],
      answers: [{ ...answers[0], score: 100 }],
    });
    expect(scoredAnswer.status).toBe(400);

    const unknown = await submit(cookie, {
      minutes: 15,
      topics: ['security'],
      answers: [{ kind: 'scenario', id: 'no-such-scenario', covered: [0] }],
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      ok: false,
      code: 'not_found',
      error: expect.stringContaining('Start a new interview'),
    });

    const scenario = session.questions.find((question) => question.kind === 'scenario')!;
    const outOfRange = await submit(cookie, {
      minutes: 15,
      topics: ['security'],
      answers: [{ kind: 'scenario', id: scenario.id, covered: [99] }],
    });
    expect(outOfRange.status).toBe(400);
    expect(await outOfRange.json()).toMatchObject({
      code: 'bad_request',
      error: expect.stringContaining('numbered from 0'),
    });

    const badKind = await submit(cookie, {
      minutes: 15,
      topics: ['security'],
      answers: [{ kind: 'essay', id: scenario.id }],
    });
    expect(badKind.status).toBe(400);
    const noAnswers = await submit(cookie, { minutes: 15, topics: ['security'], answers: [] });
    expect(await noAnswers.json()).toMatchObject({ error: expect.stringContaining('answer at least one question') });
    const badAssessment = await submit(cookie, {
      minutes: 15,
      topics: ['security'],
      answers: [{ kind: 'flashcard', id: 'security-x', assessment: 'great' }],
    });
    expect(await badAssessment.json()).toMatchObject({ error: expect.stringContaining('covered, partly, missed') });

    const history = (await (
      await historyRoute(learnerRequest('/api/interview/results', cookie))
    ).json()) as InterviewHistory;
    expect(history.sessions).toEqual([]);
  });
});
