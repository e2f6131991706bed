/**
 * Each pattern's semantics on the lab's real cache server and a real origin: the embedded PGlite,
 * and a real PostgreSQL where this machine has one (skipped with the reason printed where not).
 */
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portsOf } from '@/lib/servers/ports';
import { startLabServer, type LabServer } from '../lab-server';
import { openOrigin, type Origin } from '../origin/origin';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../origin/throwaway-postgres';
import { TEST_CATALOGUE } from '../settings';
import { isStaleRead } from '../workload/workload';
import { testPatternEnv, type TestPatternEnv } from '../testing';
import { cacheAside } from './cache-aside';
import { productKey } from './pattern';
import { readThrough } from './read-through';
import { refreshAhead } from './refresh-ahead';
import { writeBehind } from './write-behind';
import { writeThrough } from './write-through';

const DATA_ROOT = path.resolve(import.meta.dirname, '../../../../.data');
const TEMPLATE_DIR = path.join(DATA_ROOT, 'origin');
let server: LabServer;
const envs: TestPatternEnv[] = [];
let postgres: ThrowawayPostgres | null = null;
let postgresMissing = '';

beforeAll(async () => {
  const [started, throwaway] = await Promise.all([
    startLabServer({
      name: 'cache',
      port: portsOf('patterns-test').semantics,
      maxMemoryBytes: 16 * 1024 * 1024,
      policy: 'allkeys-lru',
      dataRoot: DATA_ROOT,
    }),
    startThrowawayPostgres(portsOf('patterns-test').postgres, DATA_ROOT),
  ]);
  server = started;
  if ('unavailable' in throwaway) postgresMissing = throwaway.unavailable;
  else postgres = throwaway;
  if (postgresMissing) console.log(`[patterns] the PostgreSQL half of these tests is skipped: ${postgresMissing}.`);
});

afterAll(async () => {
  for (const env of envs) for (const connection of env.connections) connection.disconnect();
  await Promise.all([server?.stop(), postgres?.stop()]);
});

let prefixes = 0;
/** A pattern environment under a key prefix no other test uses. */
function env(origin: Origin, ttlSeconds?: number): TestPatternEnv {
  const created = testPatternEnv(server, origin, `test:${process.pid}:${++prefixes}:`, ttlSeconds);
  envs.push(created);
  return created;
}

const origins = [
  { name: 'PGlite', url: () => null as string | null, available: () => true },
  { name: 'PostgreSQL', url: () => postgres?.url ?? null, available: () => postgres !== null },
];

describe.each(origins)('the patterns on $name', ({ name, url, available }) => {
  let origin: Origin;

  beforeAll(async () => {
    if (!available()) return;
    origin = await openOrigin({
      url: url(),
      dataDir: null,
      templateDir: TEMPLATE_DIR,
      ...TEST_CATALOGUE,
      latencyMs: 1,
    });
  });
  afterAll(async () => origin?.close());

  it('cache-aside: a read fills the cache, a write invalidates it, the next read loads the new row', async (context) => {
    if (!available()) return context.skip(`${name}: ${postgresMissing}`);
    const pattern = cacheAside(env(origin));
    const { cache } = envs.at(-1)!;
    expect((await pattern.read(7)).hit).toBe(false);
    const cached = await pattern.read(7);
    expect(cached.hit).toBe(true);
    await pattern.write(7, { price: 12.34 });
    expect(await cache.exists(productKey(7))).toBe(0);
    const after = await pattern.read(7);
    expect(after).toMatchObject({ hit: false, page: { price: 12.34, version: cached.page.version + 1 } });
  });

  it('stale reads: a cached page older than the newest version the origin gave out is told apart', async (context) => {
    if (!available()) return context.skip(`${name}: ${postgresMissing}`);
    const testEnv = env(origin);
    const pattern = cacheAside(testEnv);
    await pattern.read(30);
    // Another writer, which does not invalidate: the cache keeps the old page.
    await testEnv.origin.writeProduct(30, { price: 3.21 });
    const stale = await pattern.read(30);
    expect(stale.hit).toBe(true);
    expect(isStaleRead(stale.page, testEnv.origin.newestVersion(30))).toBe(true);
    await pattern.write(30, { price: 4.56 });
    const fresh = await pattern.read(30);
    expect(fresh.page.price).toBe(4.56);
    expect(isStaleRead(fresh.page, testEnv.origin.newestVersion(30))).toBe(false);
  });

  it('write-through: with one writer, the cache holds exactly what the origin holds', async (context) => {
    if (!available()) return context.skip(`${name}: ${postgresMissing}`);
    const testEnv = env(origin);
    const pattern = writeThrough(testEnv);
    const ids = [3, 5, 8, 3, 5, 3];
    for (const [index, id] of ids.entries()) await pattern.write(id, { price: 10 + index, name: `Renamed ${index}` });
    for (const id of new Set(ids)) {
      const cached = testEnv.decode((await testEnv.cache.get(productKey(id))) as string);
      expect(cached).toEqual(await origin.readProductPage(id));
      expect((await pattern.read(id)).hit).toBe(true);
    }
  });

  it('read-through: readers of a missing key at the same moment cause one origin query', async (context) => {
    if (!available()) return context.skip(`${name}: ${postgresMissing}`);
    const testEnv = env(origin);
    const pattern = readThrough(testEnv);
    const reads = await Promise.all(Array.from({ length: 20 }, () => pattern.read(11)));
    expect(reads.every((read) => read.page.id === 11)).toBe(true);
    expect(testEnv.origin.queryCount()).toBe(1);
  });

  it('refresh-ahead: a page read near its expiry is reloaded in the background before it expires, so its readers keep hitting', async (context) => {
    if (!available()) return context.skip(`${name}: ${postgresMissing}`);
    const testEnv = env(origin, 4);
    const pattern = refreshAhead(testEnv);
    const key = productKey(40);
    expect((await pattern.read(40)).hit).toBe(false);
    // Plenty of its TTL left: a hit, and nothing reloaded.
    expect((await pattern.read(40)).hit).toBe(true);
    expect(testEnv.origin.queryCount()).toBe(1);

    // Another writer changes the row, and the cached page is near its expiry (under a quarter of 4 s left).
    await testEnv.origin.writeProduct(40, { price: 7.89 });
    const queriesBefore = testEnv.origin.queryCount();
    const expiresAt = Date.now() + 800;
    await testEnv.cache.pexpire(key, 800);
    const near = await pattern.read(40);
    expect(near.hit).toBe(true); // answered from the cache at once, the old page
    expect(near.page.price).not.toBe(7.89);

    // Reloaded behind the reader, before the 800 ms were up: a full TTL again, and the new row.
    const deadline = Date.now() + 2_000;
    while ((await testEnv.cache.pttl(key)) < 1_000 && Date.now() < deadline) await sleep(10);
    expect(Date.now()).toBeLessThan(expiresAt);
    expect(await testEnv.cache.pttl(key)).toBeGreaterThan(3_000);
    expect(testEnv.origin.queryCount()).toBe(queriesBefore + 1);

    // Past the old expiry, readers still hit, and get the refreshed page.
    await sleep(Math.max(0, expiresAt - Date.now() + 50));
    const after = await pattern.read(40);
    expect(after).toMatchObject({ hit: true, page: { price: 7.89 } });
    expect(testEnv.origin.queryCount()).toBe(queriesBefore + 1);
  });

  it('write-behind: the consumer flushes every queued write; a killed one leaves its writes unflushed, and they are counted', async (context) => {
    if (!available()) return context.skip(`${name}: ${postgresMissing}`);
    const testEnv = env(origin);
    const pattern = writeBehind(testEnv);
    const before = await origin.readProductPage(20);
    for (let index = 1; index <= 10; index++) await pattern.write(20, { price: index });
    // Cached at once, in the origin eventually.
    expect(testEnv.decode((await testEnv.cache.get(productKey(20))) as string).price).toBe(10);
    const deadline = Date.now() + 5_000;
    while ((await pattern.queueLag!()) > 0 && Date.now() < deadline) await sleep(20);
    expect(await pattern.queueLag!()).toBe(0);
    expect(await origin.readProductPage(20)).toMatchObject({ price: 10, version: before.version + 10 });

    pattern.killConsumer();
    const untouched = await origin.readProductPage(21);
    for (let index = 1; index <= 4; index++) await pattern.write(21, { price: 100 + index });
    await sleep(300); // long enough for a live consumer to have flushed them
    expect(await pattern.lostWrites()).toBe(4);
    expect(await origin.readProductPage(21)).toEqual(untouched);
  });
});
