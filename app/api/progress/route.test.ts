/** The progress and challenge routes, called as Next.js calls them, on real Valkey. */
import { afterAll, describe, expect, it } from 'vitest';
import { issuedCookie, learnerRequest } from '@/lib/testing/http';
import { findChallenge, contentLibrary } from '@/lib/content/lessons';
import { quizKeys } from '@/lib/content/quizzes';
import { withEnv } from '@/lib/testing/env';
import { closeSandbox } from '@/lib/testing/sandbox';
import { POST as checkRoute } from '../challenges/[id]/check/route';
import { POST as execRoute } from '../sandbox/exec/route';
import { GET as exportRoute } from './export/route';
import { POST as importRoute } from './import/route';
import { POST as lessonRoute } from './lessons/[slug]/route';
import { POST as visitRoute } from './lessons/[slug]/visit/route';
import { POST as quizRoute } from './quizzes/[id]/route';
import { GET as progressRoute } from './route';

afterAll(closeSandbox);

async function newLearner(): Promise<string> {
  const cookie = issuedCookie(await progressRoute(learnerRequest('/api/progress')));
  if (!cookie) throw new Error('no learner cookie issued');
  return cookie;
}

const params = <T extends string>(name: T, value: string) => ({
  params: Promise.resolve({ [name]: value } as Record<T, string>),
});
const lesson = contentLibrary().lessons.find((candidate) => (candidate.challenges?.length ?? 0) > 0)!;
const challenge = lesson.challenges![0]!;
const [quizId, quizKey] = [...quizKeys()][0]!;

describe('challenge check route', () => {
  it('fails on an empty keyspace with a reason per check, then passes and records it after the solution', async () => {
    const cookie = await newLearner();
    const failed = await checkRoute(
      learnerRequest(`/api/challenges/${challenge.id}/check`, cookie, ''),
      params('id', challenge.id),
    );
    expect(failed.status).toBe(200);
    const failedBody = (await failed.json()) as {
      passed: boolean;
      checks: { label: string; passed: boolean; detail: string }[];
    };
    expect(failedBody.passed).toBe(false);
    expect(failedBody.checks.map((check) => check.label)).toEqual(
      expect.arrayContaining(challenge.checks.map((check) => check.label)),
    );
    expect(failedBody.checks.find((check) => !check.passed)?.detail.length).toBeGreaterThan(10);

    for (const line of findChallenge(challenge.id)!.spec.solution as string[]) {
      const response = await execRoute(learnerRequest('/api/sandbox/exec', cookie, JSON.stringify({ command: line })));
      expect(((await response.json()) as { ok: boolean }).ok, line).toBe(true);
    }
    const passed = await checkRoute(
      learnerRequest(`/api/challenges/${challenge.id}/check`, cookie, ''),
      params('id', challenge.id),
    );
    expect(await passed.json()).toMatchObject({ passed: true });
    const progress = (await (await progressRoute(learnerRequest('/api/progress', cookie))).json()) as {
      progress: { challenges: Record<string, string> };
      summary: { lessons: Record<string, { challengesPassed: number }> };
    };
    expect(progress.progress.challenges[challenge.id]).toBeDefined();
    expect(progress.summary.lessons[lesson.slug]?.challengesPassed).toBe(1);
  });

  it('answers 429 with Retry-After, like the console, once a learner checks too often', async () => {
    await withEnv({ KEYSPACE_SANDBOX_RATE_PER_LEARNER: '1' }, async () => {
      const cookie = await newLearner();
      let limited: Response | undefined;
      for (let i = 0; i < 8 && !limited; i++) {
        const response = await checkRoute(
          learnerRequest(`/api/challenges/${challenge.id}/check`, cookie, ''),
          params('id', challenge.id),
        );
        if (response.status === 429) limited = response;
        else expect(response.status).toBe(200);
      }
      expect(limited?.status).toBe(429);
      expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await limited!.json()).toMatchObject({
        ok: false,
        code: 'rate_limited',
        error: expect.stringMatching(/^ERR too many commands/),
      });
    });
  });

  it('answers 404 for an unknown challenge', async () => {
    const response = await checkRoute(
      learnerRequest('/api/challenges/nope/check', await newLearner(), ''),
      params('id', 'nope'),
    );
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('progress routes', () => {
  it('records a read lesson and a quiz answer scored on the server', async () => {
    const cookie = await newLearner();
    expect(
      (
        await lessonRoute(
          learnerRequest(`/api/progress/lessons/${lesson.slug}`, cookie, ''),
          params('slug', lesson.slug),
        )
      ).status,
    ).toBe(200);
    const answer = await quizRoute(
      learnerRequest(`/api/progress/quizzes/${quizId}`, cookie, JSON.stringify({ choices: quizKey.correct })),
      params('id', quizId),
    );
    expect(await answer.json()).toMatchObject({ ok: true, correct: true, firstTryCorrect: true });
    const body = (await (await progressRoute(learnerRequest('/api/progress', cookie))).json()) as {
      summary: { lessons: Record<string, { read: boolean }>; totals: { percent: number } };
    };
    expect(body.summary.lessons[lesson.slug]?.read).toBe(true);
    expect(body.summary.totals.percent).toBeGreaterThan(0);
  });

  it('answers bad input with 400 or 404 and a message', async () => {
    const cookie = await newLearner();
    const noChoices = await quizRoute(
      learnerRequest(`/api/progress/quizzes/${quizId}`, cookie, JSON.stringify({ choices: [] })),
      params('id', quizId),
    );
    expect(noChoices.status).toBe(400);
    // The quiz exists: a choice it does not have is a bad request, not a missing quiz.
    const outOfRange = await quizRoute(
      learnerRequest(`/api/progress/quizzes/${quizId}`, cookie, JSON.stringify({ choices: [quizKey.choiceCount] })),
      params('id', quizId),
    );
    expect(outOfRange.status).toBe(400);
    expect(await outOfRange.json()).toMatchObject({
      ok: false,
      code: 'bad_request',
      error: expect.stringContaining('numbered from 0'),
    });
    const unknownQuiz = await quizRoute(
      learnerRequest('/api/progress/quizzes/nope', cookie, JSON.stringify({ choices: [0] })),
      params('id', 'nope'),
    );
    expect(unknownQuiz.status).toBe(404);
    const notJson = await quizRoute(
      learnerRequest(`/api/progress/quizzes/${quizId}`, cookie, '{'),
      params('id', quizId),
    );
    expect(await notJson.json()).toMatchObject({
      ok: false,
      code: 'bad_request',
      error: expect.stringContaining('must be JSON'),
    });
    const unknown = await lessonRoute(learnerRequest('/api/progress/lessons/nope', cookie, ''), params('slug', 'nope'));
    expect(unknown.status).toBe(404);
    const wrongFile = await importRoute(
      learnerRequest('/api/progress/import', cookie, JSON.stringify({ format: 'anki', version: 1 })),
    );
    expect(wrongFile.status).toBe(400);
    expect(await wrongFile.json()).toMatchObject({
      error: expect.stringContaining('does not look like a Keyspace progress file'),
    });
  });

  it('remembers the lesson opened last and sends where Continue leads', async () => {
    const cookie = await newLearner();
    const visited = await visitRoute(
      learnerRequest(`/api/progress/lessons/${lesson.slug}/visit`, cookie, ''),
      params('slug', lesson.slug),
    );
    expect(visited.status).toBe(200);
    const body = (await (await progressRoute(learnerRequest('/api/progress', cookie))).json()) as {
      progress: { lastLesson?: string };
      summary: { next?: { slug: string; started: boolean } };
    };
    expect(body.progress.lastLesson).toBe(lesson.slug);
    expect(body.summary.next).toEqual({ slug: lesson.slug, started: true });
    const unknown = await visitRoute(
      learnerRequest('/api/progress/lessons/nope/visit', cookie, ''),
      params('slug', 'nope'),
    );
    expect(unknown.status).toBe(404);
  });

  it('exports a file that another browser imports', async () => {
    const from = await newLearner();
    await lessonRoute(learnerRequest(`/api/progress/lessons/${lesson.slug}`, from, ''), params('slug', lesson.slug));
    const exported = await exportRoute(learnerRequest('/api/progress/export', from));
    expect(exported.headers.get('content-disposition')).toMatch(
      /^attachment; filename="keyspace-progress-\d{4}-\d\d-\d\d\.json"$/,
    );
    const file = (await exported.json()) as { progress: { lessons: Record<string, string> } };
    const to = await newLearner();
    const imported = await importRoute(learnerRequest('/api/progress/import', to, JSON.stringify(file)));
    expect(await imported.json()).toEqual({ ok: true, imported: 1, skipped: 0 });
    const body = (await (await progressRoute(learnerRequest('/api/progress', to))).json()) as {
      progress: { lessons: Record<string, string> };
    };
    expect(body.progress.lessons[lesson.slug]).toBe(file.progress.lessons[lesson.slug]);
  });
});
