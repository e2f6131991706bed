/**
 * Write-through: every write goes to the database and then, in the same request, to the cache, so
 * the cache holds what the database holds and a read right after a write hits. Writes pay for both
 * round trips; reads miss only for keys never written or expired.
 */
import { productKey, type CachePattern, type PatternEnv } from './pattern';

export function writeThrough({ cache, origin, ttlSeconds, encode, decode }: PatternEnv): CachePattern {
  return {
    async read(id) {
      const key = productKey(id);
      const cached = await cache.get(key);
      if (cached) return { page: decode(cached), hit: true };

      const page = await origin.readProductPage(id);
      await cache.set(key, encode(page), 'EX', ttlSeconds());
      return { page, hit: false };
    },

    async write(id, patch) {
      // The database answers with the row as written (its new version): cache exactly that.
      const page = await origin.writeProduct(id, patch);
      await cache.set(productKey(id), encode(page), 'EX', ttlSeconds());
    },
  };
}
