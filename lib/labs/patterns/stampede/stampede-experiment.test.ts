/**
 * The stampede experiment and its route, on the lab's real cache server in front of the real (small)
 * origin: one file, so that the origin is opened and seeded once.
 */
import type Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/labs/patterns/stampede/route';
import { AppError } from '@/lib/errors';
import { issuedCookie, learnerRequest } from '@/lib/testing/http';
import { closeValkeyClients } from '@/lib/valkey/connections';
import type { StampedeResult } from '../api-types';
import { getPatternsCache, stopPatternsServers } from '../cache';
import { closeOrigin, getOrigin, type Origin } from '../origin/origin';
import { latestResults } from '../results';
import { DEFAULT_STAMPEDE_OPTIONS, runStampedeExperiment, type StampedeStrategy } from './stampede-experiment';
import { READ_STRATEGIES, type HotKey } from './strategies';

let cache: Redis;
let origin: Origin;
beforeAll(async () => {
  [cache, origin] = await Promise.all([getPatternsCache(), getOrigin()]);
});
afterAll(async () => {
  await stopPatternsServers();
  await closeOrigin();
  await closeValkeyClients();
});

/** One run with 200 readers, and the origin's own count of the queries it served meanwhile. */
async function stampede(strategy: StampedeStrategy, beta = 1) {
  const before = origin.queryCount();
  const result = await runStampedeExperiment(cache, origin, {
    ...DEFAULT_STAMPEDE_OPTIONS,
    readers: 200,
    strategy,
    beta,
    keyPrefix: `test:stampede:${strategy}`,
  });
  // The experiment counts its readers' queries; the origin also served the one warm-up read.
  expect(origin.queryCount() - before).toBe(result.originQueries + 1);
  expect(result.originQueriesPerExpiry).toHaveLength(result.expiries);
  expect(result.errors).toBe(0);
  expect(result.p50Ms).toBeLessThanOrEqual(result.p99Ms);
  expect(await cache.exists(`test:stampede:${strategy}:product:1`)).toBe(0);
  return result;
}

describe('the stampede experiment with 200 readers', () => {
  it('sends many readers to the origin at each expiry without protection', async () => {
    const result = await stampede('none');
    expect(result.expiries).toBe(3);
    expect(result.earlyRecomputes).toBe(0);
    for (const queries of result.originQueriesPerExpiry) expect(queries).toBeGreaterThanOrEqual(5);
  });

  it.each(['lock', 'stale'] as const)('lets exactly one origin query through per expiry with %s', async (strategy) => {
    const result = await stampede(strategy);
    expect(result.originQueriesPerExpiry).toEqual([1, 1, 1]);
    expect(result.originQueries).toBe(result.expiries);
    if (strategy === 'stale') expect(result.staleReads).toBeGreaterThan(0);
    else expect(result.staleReads).toBe(0);
  });

  it('with XFetch and a large β, recomputes before each expiry so that no reader finds the key missing', async () => {
    const result = await stampede('early', 10);
    expect(result.beta).toBe(10);
    expect(result.earlyRecomputes).toBeGreaterThanOrEqual(result.expiries);
    expect(result.originQueries).toBe(result.earlyRecomputes);
  });

  it('with stale on a cold key (nothing to serve), lets one reader load while the others wait, and keeps the stale grace', async () => {
    let loads = 0;
    const hot: HotKey = {
      cache,
      key: 'test:stampede:cold:product:2',
      lockKey: 'test:stampede:cold:product:2:lock',
      load: async () => {
        loads += 1;
        return origin.readProductPage(2);
      },
      ttlMs: 1_000,
      beta: 1,
      staleForMs: 60_000,
      waitLimitMs: 2_000,
      inBackground: () => {},
    };
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => READ_STRATEGIES.stale(hot)));
    expect(loads).toBe(1);
    expect(outcomes.filter((outcome) => outcome === 'loaded')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'waited')).toHaveLength(49);
    expect(await cache.pttl(hot.key)).toBeGreaterThan(30_000);
    await cache.del(hot.key);
  });

  it('refuses readers and β beyond the bounds whoever asks', async () => {
    const run = (readers: number, beta = 1) =>
      runStampedeExperiment(cache, origin, {
        ...DEFAULT_STAMPEDE_OPTIONS,
        readers,
        beta,
        strategy: 'none',
        keyPrefix: 'test:stampede:bounds',
      });
    await expect(run(501)).rejects.toThrow(AppError);
    await expect(run(0)).rejects.toThrow(/from 1 to 500 readers/);
    await expect(run(10, 50)).rejects.toThrow(/β must be from 0.1 to 10/);
  });
});

describe('POST /api/labs/patterns/stampede', () => {
  const post = (body: unknown, cookie?: string) => POST(learnerRequest('/api/labs/patterns/stampede', cookie, body));
  const error = async (response: Response) => ((await response.json()) as { error: string }).error;

  let cookie: string | undefined;

  it('refuses bodies beyond the bounds with a 400 that says what to send', async () => {
    const tooMany = await post({ readers: 501, strategy: 'lock' });
    expect(tooMany.status).toBe(400);
    expect(await error(tooMany)).toMatch(/"readers": must be a whole number from 1 to 500/);
    cookie = issuedCookie(tooMany);
    expect(await error(await post({ readers: 10, strategy: 'mutex' }, cookie))).toMatch(
      /"strategy": must be one of none, lock, early, stale/,
    );
    expect(await error(await post({ readers: 10, strategy: 'early', beta: 0 }, cookie))).toMatch(
      /"beta": must be a number from 0.1 to 10/,
    );
  });

  it("runs the learner's experiment and records it, turning away a second one while the first runs (429)", async () => {
    const [first, second] = await Promise.all([
      post({ readers: 20, strategy: 'lock' }, cookie),
      post({ readers: 20, strategy: 'lock' }, cookie),
    ]);
    const [ran, refused] = first.status === 200 ? [first, second] : [second, first];
    expect(ran.status).toBe(200);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBeTruthy();
    expect(await error(refused)).toMatch(/Your stampede experiment is still running/);

    const result = (await ran.json()) as StampedeResult;
    expect(result).toMatchObject({ strategy: 'lock', readers: 20, originQueries: 3, expiries: 3, errors: 0 });
    const learnerId = cookie?.split('.')[0] ?? '';
    expect(await latestResults<StampedeResult>(learnerId, 'stampede', 1)).toMatchObject([
      { strategy: 'lock', originQueries: 3 },
    ]);
  });
});
