/** No cache: every read and every write goes to the database. The baseline the others are measured against. */
import type { CachePattern, PatternEnv } from './pattern';

export function noCache({ origin }: PatternEnv): CachePattern {
  return {
    async read(id) {
      return { page: await origin.readProductPage(id), hit: false };
    },
    async write(id, patch) {
      await origin.writeProduct(id, patch);
    },
  };
}
