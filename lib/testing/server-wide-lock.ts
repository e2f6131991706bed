/**
 * For the few test files that look at the whole test server rather than their own keys (every
 * unprefixed key of the sandbox server, every key of the app's): Vitest runs three files at once,
 * and two such files would see each other's keys. Each holds this lock from its first `beforeAll`
 * to its last `afterAll`, so they take turns; every other file runs beside them as before. The lock
 * is a key in the app's server, named test-sentinel:* so that the whole-server checks skip it, and
 * it expires by itself if a file dies holding it.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';

const LOCK_KEY = 'test-sentinel:lock:server-wide';
const HOLD_MS = 120_000;

/** Waits for the lock and takes it; resolves to the function that gives it back. */
export async function holdServerWideLock(appUrl: string): Promise<() => Promise<void>> {
  const client = new Redis(appUrl, { lazyConnect: true });
  await client.connect();
  const token = randomUUID();
  const deadline = Date.now() + HOLD_MS;
  while ((await client.set(LOCK_KEY, token, 'PX', HOLD_MS, 'NX')) !== 'OK') {
    if (Date.now() > deadline) throw new Error(`${LOCK_KEY} was held for over ${HOLD_MS / 1000} s`);
    await sleep(100);
  }
  return async () => {
    // Compare and delete: never release a lock that expired and was taken by another file.
    await client.eval(
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
      1,
      LOCK_KEY,
      token,
    );
    await client.quit();
  };
}
