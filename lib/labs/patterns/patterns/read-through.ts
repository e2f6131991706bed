/**
 * Read-through: the application asks only the cache layer, and the layer loads from the database on
 * a miss. Because the loading lives in one place, the layer can do what scattered cache-aside code
 * rarely does: load each missing key once, however many readers ask for it at the same moment.
 * Writes go to the database and invalidate (write-around).
 */
import type { ProductPage } from '../origin/origin';
import { productKey, type CachePattern, type PatternEnv } from './pattern';

export function readThrough({ cache, origin, ttlSeconds, encode, decode }: PatternEnv): CachePattern {
  // Loads under way in this process, by key: a second reader waits for the first one's load.
  const loading = new Map<string, Promise<ProductPage>>();

  async function load(id: number): Promise<ProductPage> {
    const page = await origin.readProductPage(id);
    await cache.set(productKey(id), encode(page), 'EX', ttlSeconds());
    return page;
  }

  return {
    async read(id) {
      const key = productKey(id);
      const cached = await cache.get(key);
      if (cached) return { page: decode(cached), hit: true };

      let pending = loading.get(key);
      if (!pending) {
        pending = load(id).finally(() => loading.delete(key));
        loading.set(key, pending);
      }
      return { page: await pending, hit: false };
    },

    async write(id, patch) {
      await origin.writeProduct(id, patch);
      await cache.del(productKey(id));
    },
  };
}
