/**
 * H6 (issue 10): every route that writes to the app's Valkey is rate-limited per learner and per
 * client address, and imports per address more slowly; a refused request gets 429 with
 * Retry-After and writes nothing. Real routes, real app Valkey; each test uses its own address.
 */
import { randomInt } from 'node:crypto';
import type { NextRequest, NextResponse } from 'next/server';
import { afterAll, describe, expect, it } from 'vitest';
import { POST as importHistory } from '@/app/api/drills/history/route';
import { POST as review } from '@/app/api/drills/reviews/route';
import { GET as drills } from '@/app/api/drills/route';
import { POST as settings } from '@/app/api/drills/settings/route';
import { POST as undo } from '@/app/api/drills/undo/route';
import { POST as interviewResults } from '@/app/api/interview/results/route';
import { POST as importProgress } from '@/app/api/progress/import/route';
import { POST as lessonRead } from '@/app/api/progress/lessons/[slug]/route';
import { POST as quizAnswer } from '@/app/api/progress/quizzes/[id]/route';
import { drillContent } from '@/lib/content/flashcards';
import { withEnv } from '@/lib/testing/env';
import { issuedCookie, learnerRequest } from '@/lib/testing/http';
import { closeValkeyClients, getValkey } from '@/lib/valkey/connections';
import { srsKeys } from '@/lib/valkey/keys';

afterAll(closeValkeyClients);

/** A documentation address (TEST-NET-2) of this test's own, so no other test shares its buckets. */
const freshAddress = () => `198.51.${randomInt(0, 256)}.${randomInt(0, 256)}`;

type Route = (request: NextRequest) => Promise<NextResponse>;
const WRITE_ROUTES: [string, Route][] = [
  ['/api/drills/reviews', review],
  ['/api/drills/undo', undo],
  ['/api/drills/settings', settings],
  ['/api/drills/history', importHistory],
  ['/api/progress/import', importProgress],
  ['/api/progress/lessons/nope', (request) => lessonRead(request, { params: Promise.resolve({ slug: 'nope' }) })],
  ['/api/progress/quizzes/nope', (request) => quizAnswer(request, { params: Promise.resolve({ id: 'nope' }) })],
  ['/api/interview/results', interviewResults],
];

async function newLearner(address: string): Promise<string> {
  const cookie = issuedCookie(
    await drills(learnerRequest('/api/drills', undefined, undefined, { 'x-forwarded-for': address })),
  );
  if (!cookie) throw new Error('no learner cookie issued');
  return cookie;
}

describe('write rate limits', () => {
  it('limit every route that writes, per learner, before reading the body', async () => {
    await withEnv({ KEYSPACE_WRITES_PER_LEARNER: '0.5' }, async () => {
      for (const [path, route] of WRITE_ROUTES) {
        const address = freshAddress();
        const cookie = await newLearner(address);
        const statuses: number[] = [];
        // Burst 2 × 0.5 = 1: the first request takes the only token, the next one waits 2 s.
        for (let i = 0; i < 2; i++)
          statuses.push((await route(learnerRequest(path, cookie, '{}', { 'x-forwarded-for': address }))).status);
        expect(statuses[0], path).not.toBe(429);
        expect(statuses[1], path).toBe(429);
      }
    });
  });

  it('answer 429 with Retry-After and save nothing for a refused grade', async () => {
    await withEnv({ KEYSPACE_WRITES_PER_LEARNER: '1' }, async () => {
      const address = freshAddress();
      const cookie = await newLearner(address);
      const cardId = drillContent().cards[0]!.id;
      const responses: Response[] = [];
      for (let i = 0; i < 5; i++)
        responses.push(
          await review(
            learnerRequest(
              '/api/drills/reviews',
              cookie,
              { cardId, grade: 3, cram: true },
              { 'x-forwarded-for': address },
            ),
          ),
        );
      const accepted = responses.filter((response) => response.status === 200).length;
      const refused = responses.find((response) => response.status === 429);
      // Burst 2 (plus what refills while the requests run).
      expect(accepted).toBeGreaterThanOrEqual(2);
      expect(accepted).toBeLessThan(5);
      expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await refused!.json()).toMatchObject({
        ok: false,
        code: 'rate_limited',
        error: expect.stringMatching(
          /^Too many saves at once: Keyspace takes 1 saves per second for each learner\. Try again in \d+ s\.$/,
        ),
      });
      const learnerId = cookie.split('.')[0]!;
      expect(await (await getValkey('app')).llen(srsKeys(learnerId).log)).toBe(accepted);
    });
  });

  it('limit anonymous writes per address: a new cookie each time does not help', async () => {
    await withEnv({ KEYSPACE_WRITES_PER_ADDRESS: '1' }, async () => {
      const address = freshAddress();
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push(
          (
            await settings(
              learnerRequest('/api/drills/settings', undefined, { newPerDay: 5 }, { 'x-forwarded-for': address }),
            )
          ).status,
        );
      expect(statuses.filter((status) => status === 200).length).toBeLessThan(5);
      expect(statuses).toContain(429);
      // Another address is not affected.
      expect(
        (
          await settings(
            learnerRequest('/api/drills/settings', undefined, { newPerDay: 5 }, { 'x-forwarded-for': freshAddress() }),
          )
        ).status,
      ).toBe(200);
    });
  });

  it('allow a few imports per minute per address', async () => {
    await withEnv({ KEYSPACE_IMPORTS_PER_MINUTE: '2' }, async () => {
      const address = freshAddress();
      const file = {
        format: 'keyspace-drills',
        version: 1,
        exportedAt: '2026-01-01T00:00:00.000Z',
        cards: {},
        log: [],
      };
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++)
        statuses.push(
          (await importHistory(learnerRequest('/api/drills/history', undefined, file, { 'x-forwarded-for': address })))
            .status,
        );
      expect(statuses.slice(0, 2)).toEqual([200, 200]);
      expect(statuses[2]).toBe(429);
      const refused = await importProgress(
        learnerRequest('/api/progress/import', undefined, '{}', { 'x-forwarded-for': address }),
      );
      expect(refused.status).toBe(429);
      // 2 per minute: the next token is about 30 s away.
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(20);
      expect(await refused.json()).toMatchObject({
        error: expect.stringContaining('2 imports per minute from one address'),
      });
    });
  });
});
