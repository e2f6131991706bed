/**
 * The runs API, called as Next.js calls it, on the lab's real cache server and the real origin
 * (PGlite, the small test catalogue): bounds, one run per learner, the run's points and summary, its
 * end on time, its keys deleted, its recorded result; and the code route.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunStatus } from '@/lib/labs/patterns/api-types';
import { getPatternsCache, stopPatternsServers } from '@/lib/labs/patterns/cache';
import { closeOrigin } from '@/lib/labs/patterns/origin/origin';
import { latestResults } from '@/lib/labs/patterns/results';
import { MAX_CONCURRENT_RUNS } from '@/lib/labs/patterns/run-service';
import { WIND_DOWN_MS } from '@/lib/labs/patterns/workload/workload';
import { issuedCookie, learnerRequest } from '@/lib/testing/http';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { GET as code } from '../code/route';
import { GET as runEvents } from './[id]/events/route';
import { GET as readRun } from './[id]/route';
import { POST } from './route';

afterAll(async () => {
  await Promise.all([stopPatternsServers(), closeOrigin()]);
  await closeValkeyClients();
});

const json = async <T = Record<string, unknown>>(response: Response) => (await response.json()) as T;
const start = (body: unknown, cookie?: string) => POST(learnerRequest('/api/labs/patterns/runs', cookie, body));
const read = (id: string, cookie?: string) =>
  readRun(learnerRequest(`/api/labs/patterns/runs/${id}`, cookie), { params: Promise.resolve({ id }) });

async function untilFinished(id: string, cookie: string, timeoutMs: number): Promise<RunStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await json<RunStatus>(await read(id, cookie));
    if (status.state !== 'running' || Date.now() > deadline) return status;
    await sleep(100);
  }
}

describe('POST /api/labs/patterns/runs', () => {
  it.each([
    [{ pattern: 'cache-aside', seconds: 31 }, /"seconds": must be a whole number from 1 to 30/],
    [{ pattern: 'cache-aside', concurrency: 101 }, /"concurrency": must be a whole number from 1 to 100/],
    [{ pattern: 'cache-aside', readShare: 1.5 }, /"readShare": must be a number from 0 to 1/],
    [{ pattern: 'memcached' }, /"pattern": must be one of "none", "cache-aside"/],
    [{ pattern: 'none', workers: 5 }, /unknown field "workers"/],
    [{ pattern: 'cache-aside', seconds: 5, killConsumerAfterSeconds: 2 }, /write-behind pattern only/],
  ])('refuses %j with a 400 that says what is allowed', async (body, message) => {
    const response = await start(body);
    expect(response.status).toBe(400);
    expect((await json(response)).error).toMatch(message);
  });

  it('runs for the seconds asked, one point a second, then stops, deletes its keys and records its result', async () => {
    const response = await start({ pattern: 'cache-aside', seconds: 2, concurrency: 100, zipf: 1.1, ttlSeconds: 5 });
    expect(response.status).toBe(202);
    const cookie = issuedCookie(response)!;
    const { id } = await json<{ id: string }>(response);

    // One run at a time per learner.
    const again = await start({ pattern: 'none', seconds: 1 }, cookie);
    expect(again.status).toBe(429);
    expect(again.headers.get('Retry-After')).toMatch(/^\d+$/);

    // Another learner cannot read it; a write-behind run of theirs loses what its killed consumer held.
    const other = await start({ pattern: 'write-behind', seconds: 2, readShare: 0.3, killConsumerAfterSeconds: 1 });
    expect(other.status).toBe(202);
    const otherCookie = issuedCookie(other)!;
    expect((await read(id, otherCookie)).status).toBe(404);

    const running = await json<RunStatus>(await read(id, cookie));
    expect(running).toMatchObject({
      id,
      state: 'running',
      pattern: 'cache-aside',
      params: { seconds: 2, concurrency: 100 },
    });

    const done = await untilFinished(id, cookie, 2_000 + WIND_DOWN_MS + 1_000);
    // Stopped on time: the deadline, then a bounded wind-down (in-flight grace, cleanup), whatever the load.
    expect(Date.now() - Date.parse(done.startedAt)).toBeLessThan(2_000 + WIND_DOWN_MS + 1_000);
    expect(done.state).toBe('done');
    expect(done.series.map((point) => point.t)).toEqual([1, 2]);
    expect(done.summary!.reads).toBeGreaterThan(100);
    expect(done.summary!.hits).toBeGreaterThan(0);
    expect(done.summary!.hitRatio).toBeGreaterThan(0);
    expect(done.summary!.p99Ms).toBeGreaterThanOrEqual(done.summary!.p50Ms);
    expect(done.summary!.originQueries).toBeGreaterThan(0);
    expect(done.series[1]!.usedMemoryBytes).toBeGreaterThan(0);
    // The same status as Server-Sent Events; for a run that has ended, the stream ends with its final status.
    const events = await runEvents(learnerRequest(`/api/labs/patterns/runs/${id}/events`, cookie), {
      params: Promise.resolve({ id }),
    });
    expect(events.headers.get('content-type')).toBe('text/event-stream');
    const frames = (await events.text()).trim().split('\n\n');
    expect(frames.at(-1)).toMatch(/^event: status\ndata: \{"id":"[0-9a-f]+","state":"done"/);
    const leftover = await (await getPatternsCache()).scan('0', 'MATCH', `run:${id}:*`, 'COUNT', 10_000);
    expect(leftover[1]).toEqual([]);

    const { id: otherId } = await json<{ id: string }>(other);
    const lost = await untilFinished(otherId, otherCookie, 2_000 + WIND_DOWN_MS + 1_000);
    expect(lost.state).toBe('done');
    expect(lost.series[0]!.queueLag).toBeTypeOf('number');
    expect(lost.summary!.writes).toBeGreaterThan(0);
    expect(lost.summary!.lostWrites).toBeGreaterThan(0);

    const learnerId = cookie.split('.')[0]!;
    const deadline = Date.now() + 2_000;
    while ((await latestResults(learnerId, 'run', 1)).length === 0 && Date.now() < deadline) await sleep(20);
    expect(await latestResults<RunStatus>(learnerId, 'run', 1)).toMatchObject([{ id, state: 'done' }]);
  });
});

describe('the cap on runs at once in the app', () => {
  it(`answers a 503 with Retry-After while ${MAX_CONCURRENT_RUNS} learners' runs are going, and takes runs again once they end`, async () => {
    const short = { pattern: 'none', seconds: 1, concurrency: 1 };
    const started = await Promise.all(Array.from({ length: MAX_CONCURRENT_RUNS }, () => start(short)));
    expect(started.map((response) => response.status)).toEqual(Array(MAX_CONCURRENT_RUNS).fill(202));

    // Another learner, with no run of their own going, is told the lab is busy and when to come back.
    const refused = await start(short);
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    expect((await json(refused)).error).toMatch(/busy with other learners' runs/);

    const runs = await Promise.all(
      started.map(async (response) => ({
        id: (await json<{ id: string }>(response)).id,
        cookie: issuedCookie(response)!,
      })),
    );
    const ended = await Promise.all(
      runs.map(({ id, cookie }) => untilFinished(id, cookie, 1_000 + WIND_DOWN_MS + 1_000)),
    );
    expect(ended.map((status) => status.state)).toEqual(Array(MAX_CONCURRENT_RUNS).fill('done'));

    // A slot is freed once a run has ended (its learner is released just after its last status).
    const deadline = Date.now() + 2_000;
    let again = await start(short);
    while (again.status === 503 && Date.now() < deadline) {
      await sleep(20);
      again = await start(short);
    }
    expect(again.status).toBe(202);
    const { id } = await json<{ id: string }>(again);
    expect((await untilFinished(id, issuedCookie(again)!, 1_000 + WIND_DOWN_MS + 1_000)).state).toBe('done');
  });
});

describe('GET /api/labs/patterns/code', () => {
  it("answers every pattern's source", async () => {
    const response = await code();
    expect(response.status).toBe(200);
    const { patterns } = await json<{ patterns: { id: string; source: string }[] }>(response);
    expect(patterns.map((pattern) => pattern.id)).toEqual([
      'none',
      'cache-aside',
      'read-through',
      'write-through',
      'write-behind',
      'refresh-ahead',
    ]);
    expect(patterns.find((pattern) => pattern.id === 'cache-aside')?.source).toContain(
      'await cache.del(productKey(id))',
    );
  });
});
