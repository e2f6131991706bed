/**
 * Cache-aside (lazy loading): the application checks the cache first, falls through to the database
 * on a miss and fills the cache; a write goes to the database and deletes the cached copy. This is
 * the brief's `get_user` / `invalidate_user`, ported from redis-py to ioredis.
 */
import { productKey, type CachePattern, type PatternEnv } from './pattern';

export function cacheAside({ cache, origin, ttlSeconds, encode, decode }: PatternEnv): CachePattern {
  return {
    async read(id) {
      const key = productKey(id);
      const cached = await cache.get(key);
      if (cached) return { page: decode(cached), hit: true };

      // Fall through to the database, then keep the answer for next time.
      const page = await origin.readProductPage(id);
      await cache.set(key, encode(page), 'EX', ttlSeconds());
      return { page, hit: false };
    },

    async write(id, patch) {
      await origin.writeProduct(id, patch);
      // Invalidate: the next read loads the new row. A read that loaded the old row just before
      // this write may still put it back (the stale read the lab counts).
      await cache.del(productKey(id));
    },
  };
}
