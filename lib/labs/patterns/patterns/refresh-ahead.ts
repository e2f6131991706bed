/**
 * Refresh-ahead: a read that finds a page close to expiring answers from the cache at once and
 * reloads the page in the background, so a popular page is refreshed before it expires and its
 * readers never wait for the database. Pages nobody reads are left to expire.
 */
import { productKey, type CachePattern, type PatternEnv } from './pattern';

/** Refresh once less than this share of the TTL is left. */
const REFRESH_WHEN_LEFT = 0.25;

export function refreshAhead({ cache, origin, ttlSeconds, encode, decode }: PatternEnv): CachePattern {
  const refreshing = new Set<number>();

  async function load(id: number) {
    const page = await origin.readProductPage(id);
    await cache.set(productKey(id), encode(page), 'EX', ttlSeconds());
    return page;
  }

  function refreshInBackground(id: number) {
    if (refreshing.has(id)) return; // one refresh per page at a time
    refreshing.add(id);
    load(id)
      .catch(() => undefined) // the page simply expires if its refresh fails
      .finally(() => refreshing.delete(id));
  }

  return {
    async read(id) {
      const key = productKey(id);
      // GET and PTTL in one round trip.
      const [[, cached], [, leftMs]] = (await cache.multi().get(key).pttl(key).exec()) as [
        [Error | null, string | null],
        [Error | null, number],
      ];
      if (!cached) return { page: await load(id), hit: false };

      if (leftMs < ttlSeconds() * 1000 * REFRESH_WHEN_LEFT) refreshInBackground(id);
      return { page: decode(cached), hit: true };
    },

    async write(id, patch) {
      await origin.writeProduct(id, patch);
      await cache.del(productKey(id));
    },
  };
}
