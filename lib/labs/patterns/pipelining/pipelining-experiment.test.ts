/**
 * The pipelining experiment and its route on the lab's real cache server: small N, so that the file
 * stays within a couple of seconds even with the added latency.
 */
import type Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/labs/patterns/pipelining/route';
import { AppError } from '@/lib/errors';
import { issuedCookie, learnerRequest } from '@/lib/testing/http';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { getPatternsCacheServer, stopPatternsServers } from '../cache';
import type { LabServer } from '../lab-server';
import { latestResults } from '../results';
import { runPipeliningExperiment } from './pipelining-experiment';
import type { PipeliningMode, PipeliningResult } from './pipelining-types';

let server: LabServer;
let admin: Redis;
beforeAll(async () => {
  server = await getPatternsCacheServer();
  admin = server.admin;
});
afterAll(async () => {
  await stopPatternsServers();
  await closeValkeyClients();
});

const byMode = (result: PipeliningResult) =>
  Object.fromEntries(result.modes.map((each) => [each.mode, each])) as Record<
    PipeliningMode,
    PipeliningResult['modes'][number]
  >;

describe('the pipelining experiment', () => {
  it('on loopback, writes and reads every key correctly in every mode, counts the round trips, and deletes its keys', async () => {
    const result = await runPipeliningExperiment(server, {
      commands: 250,
      latencyMs: 0,
      keyPrefix: 'test:pipelining:loopback:',
    });
    expect(result.modes.map((each) => each.mode)).toEqual(['one-by-one', 'pipeline', 'batches', 'mset-mget']);
    const modes = byMode(result);
    expect(modes['one-by-one']).toMatchObject({ roundTrips: 500, commands: 500, wrongReads: 0 });
    expect(modes.pipeline).toMatchObject({ roundTrips: 2, commands: 500, wrongReads: 0 });
    expect(modes.batches).toMatchObject({ roundTrips: 6, commands: 500, wrongReads: 0 });
    expect(modes['mset-mget']).toMatchObject({ roundTrips: 2, commands: 2, wrongReads: 0 });
    for (const mode of result.modes) expect(mode.operationsPerSecond).toBeGreaterThan(0);
    expect(result.measuredLatencyMs).toBe(0);
    expect(await admin.exists('test:pipelining:loopback:key:0', 'test:pipelining:loopback:key:249')).toBe(0);
  });

  it('with 2 ms added per round trip, one command at a time pays it every time and a pipeline pays it about once', async () => {
    const result = await runPipeliningExperiment(server, {
      commands: 100,
      latencyMs: 2,
      keyPrefix: 'test:pipelining:latency:',
    });
    const modes = byMode(result);
    // 200 round trips of at least 2 ms each: the delay is real, on the wire.
    expect(result.measuredLatencyMs).toBeGreaterThanOrEqual(2);
    expect(modes['one-by-one'].wallMs).toBeGreaterThanOrEqual(400);
    // Two exchanges (the writes, then the reads): a few milliseconds, far from 200 round trips.
    expect(modes.pipeline.wallMs).toBeLessThan(modes['one-by-one'].wallMs / 5);
    expect(modes['mset-mget'].wallMs).toBeLessThan(modes['one-by-one'].wallMs / 5);
    expect(result.pipelineSpeedup).toBeGreaterThan(5);
    expect(await admin.exists('test:pipelining:latency:key:0')).toBe(0);
  });

  it('refuses sizes and latencies beyond the bounds whoever asks', async () => {
    const run = (commands: number, latencyMs: number) =>
      runPipeliningExperiment(server, { commands, latencyMs, keyPrefix: 'test:pipelining:bounds:' });
    await expect(run(99, 0)).rejects.toThrow(AppError);
    await expect(run(10_001, 0)).rejects.toThrow(/from 100 to 10000/);
    await expect(run(100, 6)).rejects.toThrow(/latencyMs must be a whole number from 0 to 5/);
    await expect(run(1_000, 5)).rejects.toThrow(/At 5 ms use at most 400 commands/);
  });
});

describe('POST /api/labs/patterns/pipelining', () => {
  const post = (body: unknown, cookie?: string) => POST(learnerRequest('/api/labs/patterns/pipelining', cookie, body));
  const error = async (response: Response) => ((await response.json()) as { error: string }).error;

  let cookie: string | undefined;

  it('refuses bodies beyond the bounds with a 400 that says what to send', async () => {
    const tooFew = await post({ commands: 50, latencyMs: 0 });
    expect(tooFew.status).toBe(400);
    expect(await error(tooFew)).toMatch(/"commands": must be a whole number from 100 to 10000/);
    cookie = issuedCookie(tooFew);
    expect(await error(await post({ commands: 100, latencyMs: 0.5 }, cookie))).toMatch(
      /"latencyMs": must be a whole number of milliseconds from 0 to 5/,
    );
    const tooSlow = await post({ commands: 5_000, latencyMs: 1 }, cookie);
    expect(tooSlow.status).toBe(400);
    expect(await error(tooSlow)).toMatch(/commands × latencyMs must be at most 2000/);
  });

  it("runs the learner's experiment and records it, turning away a second one while the first runs (429)", async () => {
    const [first, second] = await Promise.all([
      post({ commands: 100, latencyMs: 0 }, cookie),
      post({ commands: 100, latencyMs: 0 }, cookie),
    ]);
    const [ran, refused] = first.status === 200 ? [first, second] : [second, first];
    expect(ran.status).toBe(200);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBeTruthy();
    expect(await error(refused)).toMatch(/Your pipelining experiment is still running/);

    const result = (await ran.json()) as PipeliningResult;
    expect(result).toMatchObject({ commands: 100, latencyMs: 0 });
    expect(result.modes).toHaveLength(4);
    const learnerId = cookie?.split('.')[0] ?? '';
    expect(await latestResults<PipeliningResult>(learnerId, 'pipelining', 1)).toMatchObject([
      { commands: 100, latencyMs: 0, pipelineSpeedup: result.pipelineSpeedup },
    ]);
    expect(await admin.keys(`pipelining:${learnerId}:*`)).toEqual([]);
  });
});
