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

const json = async (response: Response) => (await response.json()) as Record<string, unknown> & { counts: Record<string, number>; cards: { id: string; intervals: Record<string, string> }[] };

describe('drill routes', () => {
  it('serves a deck by topic, records a grade, counts it and undoes it', async () => {
    const cookie = await newLearner();
    const topic = drillContent().cards[0]!.topic;
    const first = await json(await session(learnerRequest(`/api/drills?tags=${topic}&tz=0`, cookie)));
    expect(first.cards.length).toBeGreaterThan(0);
    expect(Object.keys(first.cards[0]!.intervals)).toEqual(['1', '2', '3', '4']);
    const cardId = first.cards[0]!.id;
    expect(await json(await review(learnerRequest('/api/drills/reviews', cookie, { cardId, grade: 1 })))).toMatchObject({ ok: true, due: expect.any(Number) });
    const after = await json(await session(learnerRequest(`/api/drills?tags=${topic}`, cookie)));
    expect(after.counts.newLeftToday).toBe((first.counts.newLeftToday ?? 0) - 1);
    expect(after.counts.dueToday).toBe(1);
    expect(await json(await stats(learnerRequest('/api/drills/stats', cookie)))).toMatchObject({ ok: true, reviewsToday: 1, cardsSeen: 1, streak: 1 });
    expect(await json(await undo(learnerRequest('/api/drills/undo', cookie, '')))).toEqual({ ok: true, cardId });
    expect(await json(await undo(learnerRequest('/api/drills/undo', cookie, '')))).toEqual({ ok: true, cardId: null });
  });

  it('answers bad grades, unknown cards and bad settings with 400 and a reason', async () => {
    const cookie = await newLearner();
    const cardId = drillContent().cards[0]!.id;
    const badGrade = await review(learnerRequest('/api/drills/reviews', cookie, { cardId, grade: 7 }));
    expect(badGrade.status).toBe(400);
    expect(await badGrade.json()).toMatchObject({ error: 'A grade is 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).' });
    const unknown = await review(learnerRequest('/api/drills/reviews', cookie, { cardId: 'nope', grade: 3 }));
    expect(await unknown.json()).toMatchObject({ code: 'bad_request', error: expect.stringContaining('There is no flashcard "nope"') });
    expect((await settings(learnerRequest('/api/drills/settings', cookie, { newPerDay: 1000 }))).status).toBe(400);
    expect(await json(await settings(learnerRequest('/api/drills/settings', cookie, { newPerDay: 5 })))).toEqual({ ok: true, newPerDay: 5 });
    expect((await json(await session(learnerRequest('/api/drills', cookie)))).counts.newLeftToday).toBe(5);
    const notHistory = await importHistory(learnerRequest('/api/drills/history', cookie, { format: 'keyspace-progress', version: 1 }));
    expect(await notHistory.json()).toMatchObject({ error: expect.stringContaining('does not look like a Keyspace review history file') });
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
    expect(await json(await importHistory(learnerRequest('/api/drills/history', other, file)))).toEqual({ ok: true, cards: 1, reviews: 1, skipped: 0 });

    const tsv = await anki(learnerRequest('/api/drills/anki?tags=serverless'));
    expect(tsv.headers.get('content-type')).toBe('text/tab-separated-values; charset=utf-8');
    const notes = (await tsv.text()).trimEnd().split('\n').filter((line) => !line.startsWith('#'));
    expect(notes).toHaveLength(drillContent().cards.filter((card) => card.topic === 'serverless' || card.tags.includes('serverless')).length);
  });
});
