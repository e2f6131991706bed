/** The drill routes, called as Next.js calls them, on real Valkey. */
import { afterAll, describe, expect, it } from 'vitest';
import { issuedCookie, learnerRequest } from '@/lib/testing/http';
import { drillContent } from '@/lib/content/flashcards';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { GET as anki } from './anki/route';
import { GET as exportHistory, POST as importHistory } from './history/route';
import { POST as review } from './reviews/route';
import { GET as session } from './route';
import { POST as settings } from './settings/route';
import { GET as stats } from './stats/route';
import { POST as undo } from './undo/route';

afterAll(closeValkeyClients);

async function newLearner(): Promise<string> {
  const response = await session(learnerRequest('/api/drills'));
  const cookie = issuedCookie(response);
  if (!cookie) throw new Error('no learner cookie issued');
  return cookie;
}

const json = async (response: Response) =>
  (await response.json()) as Record<string, unknown> & {
    counts: Record<string, number>;
    cards: { id: string; intervals: Record<string, string> }[];
  };

describe('drill routes', () => {
  it('serves a deck by topic, records a grade, counts it and undoes it', async () => {
    const cookie = await newLearner();
    const topic = drillContent().cards[0]!.topic;
    const first = await json(await session(learnerRequest(`/api/drills?tags=${topic}&tz=0`, cookie)));
    expect(first.cards.length).toBeGreaterThan(0);
    expect(Object.keys(first.cards[0]!.intervals)).toEqual(['1', '2', '3', '4']);
    const cardId = first.cards[0]!.id;
    expect(await json(await review(learnerRequest('/api/drills/reviews', cookie, { cardId, grade: 1 })))).toMatchObject(
      { ok: true, due: expect.any(Number) },
    );
    const after = await json(await session(learnerRequest(`/api/drills?tags=${topic}`, cookie)));
    expect(after.counts.newLeftToday).toBe((first.counts.newLeftToday ?? 0) - 1);
    expect(after.counts.dueToday).toBe(1);
    expect(await json(await stats(learnerRequest('/api/drills/stats', cookie)))).toMatchObject({
      ok: true,
      reviewsToday: 1,
      cardsSeen: 1,
      streak: 1,
    });
    expect(await json(await undo(learnerRequest('/api/drills/undo', cookie, '')))).toEqual({ ok: true, cardId });
    expect(await json(await undo(learnerRequest('/api/drills/undo', cookie, '')))).toEqual({ ok: true, cardId: null });
  });

  it('answers bad grades, unknown cards and bad settings with 400 and a reason', async () => {
    const cookie = await newLearner();
    const cardId = drillContent().cards[0]!.id;
    const badGrade = await review(learnerRequest('/api/drills/reviews', cookie, { cardId, grade: 7 }));
    expect(badGrade.status).toBe(400);
    // A validation error on the field, like any bad body: not an unknown card.
    expect(await badGrade.json()).toMatchObject({
      code: 'bad_request',
      error: 'Invalid request body: "grade": must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).',
    });
    const unknown = await review(learnerRequest('/api/drills/reviews', cookie, { cardId: 'nope', grade: 3 }));
    expect(await unknown.json()).toMatchObject({
      code: 'bad_request',
      error: expect.stringContaining('There is no flashcard "nope"'),
    });
    expect((await settings(learnerRequest('/api/drills/settings', cookie, { newPerDay: 1000 }))).status).toBe(400);
    expect(await json(await settings(learnerRequest('/api/drills/settings', cookie, { newPerDay: 5 })))).toEqual({
      ok: true,
      newPerDay: 5,
    });
    expect((await json(await session(learnerRequest('/api/drills', cookie)))).counts.newLeftToday).toBe(5);
    const notHistory = await importHistory(
      learnerRequest('/api/drills/history', cookie, { format: 'keyspace-progress', version: 1 }),
    );
    expect(await notHistory.json()).toMatchObject({
      error: expect.stringContaining('does not look like a Keyspace review history file'),
    });
  });

  it('answers a bad query string with 400 naming the parameter, and accepts the ones the browser sends', async () => {
    const cookie = await newLearner();
    const cases: [string, RegExp][] = [
      ['/api/drills?tz=abc', /^Invalid query: "tz": must be the browser's getTimezoneOffset\(\), in minutes\.$/],
      ['/api/drills?tz=900', /^Invalid query: "tz": must be 720 \(UTC-12\) or less\.$/],
      ['/api/drills?cram=yes', /^Invalid query: "cram": must be 1 .* or 0\.$/],
      [
        '/api/drills?tags=cluster-mode,Not_A_Tag',
        /^Invalid query: "tags\.1": a tag is lowercase letters, digits and dashes/,
      ],
      ['/api/drills/stats?tz=1.5', /^Invalid query: "tz": /],
    ];
    for (const [path, message] of cases) {
      const response = await (path.startsWith('/api/drills/stats') ? stats : session)(learnerRequest(path, cookie));
      expect(response.status, path).toBe(400);
      expect(await response.json(), path).toMatchObject({
        ok: false,
        code: 'bad_request',
        error: expect.stringMatching(message),
      });
    }
    const badDeck = await anki(learnerRequest('/api/drills/anki?tags=a%20b'));
    expect(badDeck.status).toBe(400);
    expect(await badDeck.json()).toMatchObject({ code: 'bad_request', error: expect.stringContaining('"tags.0"') });

    const topic = drillContent().cards[0]!.topic;
    const crammed = await session(learnerRequest(`/api/drills?tags=${topic},&cram=1&tz=-840`, cookie));
    expect(crammed.status).toBe(200);
    expect((await json(crammed)).cards.length).toBeGreaterThan(0);
    expect((await session(learnerRequest('/api/drills?cram=0&tz=720', cookie))).status).toBe(200);
  });

  it('exports the review history and the deck for Anki', async () => {
    const cookie = await newLearner();
    const cardId = drillContent().cards[0]!.id;
    await review(learnerRequest('/api/drills/reviews', cookie, { cardId, grade: 3 }));
    const history = await exportHistory(learnerRequest('/api/drills/history', cookie));
    expect(history.headers.get('content-disposition')).toMatch(/^attachment; filename="keyspace-reviews-/);
    const file = (await history.json()) as { log: { cardId: string }[] };
    expect(file.log.map((entry) => entry.cardId)).toEqual([cardId]);
    const other = await newLearner();
    expect(await json(await importHistory(learnerRequest('/api/drills/history', other, file)))).toEqual({
      ok: true,
      cards: 1,
      reviews: 1,
      skipped: 0,
    });

    const tsv = await anki(learnerRequest('/api/drills/anki?tags=serverless'));
    expect(tsv.headers.get('content-type')).toBe('text/tab-separated-values; charset=utf-8');
    const notes = (await tsv.text())
      .trimEnd()
      .split('\n')
      .filter((line) => !line.startsWith('#'));
    expect(notes).toHaveLength(
      drillContent().cards.filter((card) => card.topic === 'serverless' || card.tags.includes('serverless')).length,
    );
  });
});
