/**
 * Write-behind (write-back): a write updates the cache and queues the change in a Valkey Stream, and
 * returns; a consumer flushes the queue to the database in the background. Writes are as fast as
 * the cache, and the database sees them later (the queue lag). If the consumer dies before it
 * flushes, the writes still in the stream never reach the database: they are lost unless another
 * consumer picks them up.
 */
import type { ProductPatch } from '../origin/origin';
import { productKey, type CachePattern, type PatternEnv } from './pattern';

const QUEUE = 'writes';
const GROUP = 'flushers';

export interface WriteBehind extends CachePattern {
  /** Kills the consumer as a crash would: what it had read but not flushed stays in the stream. */
  killConsumer(): void;
  /** Queued writes the database never got: what is left in the stream. */
  lostWrites(): Promise<number>;
}

export function writeBehind({ cache, origin, ttlSeconds, encode, decode, openConnection }: PatternEnv): WriteBehind {
  const groupReady = cache.xgroup('CREATE', QUEUE, GROUP, '0', 'MKSTREAM').catch((error: Error) => {
    // BUSYGROUP: another run of this code created it already, which is fine.
    if (!error.message.startsWith('BUSYGROUP')) throw error;
  });
  groupReady.catch(() => undefined); // reported to each write that awaits it
  const consumer = openConnection('write-behind-consumer');
  let consuming = true;

  async function flush(entryId: string, fields: string[]) {
    const id = Number(fields[1]);
    const patch = JSON.parse(fields[3] ?? '{}') as ProductPatch;
    await origin.writeProduct(id, patch);
    // Acknowledged and deleted only once the database has it: until then it is still in the queue.
    await cache.multi().xack(QUEUE, GROUP, entryId).xdel(QUEUE, entryId).exec();
  }

  async function consume() {
    await groupReady;
    while (consuming) {
      const batches = (await consumer
        .xreadgroup('GROUP', GROUP, 'flusher', 'COUNT', 50, 'BLOCK', 100, 'STREAMS', QUEUE, '>')
        .catch(() => null)) as [string, [string, string[]][]][] | null;
      for (const [, entries] of batches ?? []) {
        for (const [entryId, fields] of entries) {
          if (!consuming) return; // killed mid-batch: the rest of the batch is never flushed
          await flush(entryId, fields).catch(() => undefined); // a failed flush stays queued
        }
      }
    }
  }
  const consumed = consume().catch(() => undefined); // a consumer that cannot start leaves the writes queued

  const pattern: WriteBehind = {
    async read(id) {
      const key = productKey(id);
      const cached = await cache.get(key);
      if (cached) return { page: decode(cached), hit: true };

      const page = await origin.readProductPage(id);
      await cache.set(key, encode(page), 'EX', ttlSeconds());
      return { page, hit: false };
    },

    async write(id, patch) {
      await groupReady;
      const key = productKey(id);
      const cached = await cache.get(key);
      const current = cached ? decode(cached) : await origin.readProductPage(id);
      // The page as it will be once the database has the write (which bumps its version).
      const page = { ...current, ...patch, version: current.version + 1 };
      await cache
        .multi()
        .set(key, encode(page), 'EX', ttlSeconds())
        .xadd(QUEUE, '*', 'id', String(id), 'patch', JSON.stringify(patch))
        .exec();
    },

    queueLag: () => cache.xlen(QUEUE),

    lostWrites: () => cache.xlen(QUEUE),

    killConsumer() {
      consuming = false;
      consumer.disconnect();
    },

    async close(drainMs) {
      const deadline = Date.now() + drainMs;
      while (consuming && (await cache.xlen(QUEUE)) > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      pattern.killConsumer();
      await consumed;
    },
  };
  return pattern;
}
