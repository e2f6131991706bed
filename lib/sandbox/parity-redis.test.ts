/**
 * Parity on the Redis OSS engine: the sandbox prints exactly what `redis-cli --no-raw` prints for
 * the lines of parity.fixtures.ts, byte for byte, the expected text coming from the real redis-cli
 * against a plain redis-server this file starts on its own port (`parity.redis` in
 * lib/servers/ports.ts). The machinery is parity.test.ts's (parity-harness.ts).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { portsOf } from '@/lib/servers/ports';
import { findRedisServer } from '@/lib/servers/server-binary';
import { closeLearnerSessions } from './learners';
import { parityHarness } from './parity-harness';
import { PARITY_SCENARIOS } from './parity.fixtures';

/** Scenarios that do not apply on Redis OSS, and why (none today: pub/sub runs there too, live/live-redis.test.ts). */
const NOT_ON_REDIS: Record<string, string> = {};

/** Lines left out on Redis OSS, and why (the rest of their scenario runs). */
const LINES_NOT_ON_REDIS: Record<string, string> = {
  // Redis OSS 7.0 keeps a small set of strings in a hashtable (listpack sets came in 7.2): SSCAN's
  // order then depends on the server's random hash seed, so two servers need not agree.
  'SSCAN tags 0 COUNT 10': 'hashtable order',
};

const SCENARIOS = PARITY_SCENARIOS.filter((scenario) => !NOT_ON_REDIS[scenario.name]).map((scenario) => ({
  ...scenario,
  lines: scenario.lines.filter((line) => !LINES_NOT_ON_REDIS[line]),
}));

const SERVER = findRedisServer()?.path ?? '/usr/bin/redis-server';
// The redis-cli beside the server binary (/usr/bin/redis-cli on Debian), so that both come from the same build.
const CLI = SERVER.includes('/') ? path.join(path.dirname(SERVER), 'redis-cli') : 'redis-cli';

const { checkScenario, startServer, stopServer, summary } = parityHarness({
  server: SERVER,
  cli: CLI,
  port: portsOf('parity').redis,
  engine: 'redis',
});

beforeAll(startServer);

afterAll(async () => {
  closeLearnerSessions();
  await closeValkeyClients();
  await stopServer();
  console.info(summary());
});

describe('the Redis OSS engine prints what redis-cli prints', () => {
  it('covers at least 150 lines', () => {
    expect(SCENARIOS.reduce((sum, scenario) => sum + scenario.lines.length, 0)).toBeGreaterThanOrEqual(150);
  });

  it.each(SCENARIOS)('$name', (scenario) => checkScenario(scenario), 60_000);
});
