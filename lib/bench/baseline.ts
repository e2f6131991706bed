import 'server-only';
import { keyspaceEnv } from '@/lib/config/env';
import { getValkey } from '@/lib/valkey/connections';

/**
 * The load benchmark's baseline (`npm run bench:sandbox`): one plain GET on the sandbox Valkey,
 * with none of the sandbox's work (parsing, policy, rate limits, per-learner connections), so
 * that the sandbox's overhead can be measured against it.
 *
 * On only in a build made for benchmarks, and then only while KEYSPACE_BENCH_ROUTES=1:
 * next.config.mjs inlines BENCH_ROUTES_BUILT at `next build` time ("1" when KEYSPACE_BENCH_ROUTES=1
 * then, "0" otherwise), so an ordinary build answers 404 whatever its runtime environment says.
 * Read as a literal `process.env.BENCH_ROUTES_BUILT` on purpose: that is what the bundler replaces.
 */
export function benchRoutesEnabled(): boolean {
  return process.env.BENCH_ROUTES_BUILT === '1' && keyspaceEnv().KEYSPACE_BENCH_ROUTES;
}

/** Keys the baseline reads live under their own prefix, never under a learner's `sb:<id>:`. */
export const BENCH_KEY_PREFIX = 'bench:';
export const BENCH_KEY_MAX_LENGTH = 256;

/** Exactly one GET on the shared sandbox client. Throws ValkeyUnavailableError when it is down. */
export async function bareGet(key: string): Promise<string | null> {
  const client = await getValkey('sandbox');
  return client.get(BENCH_KEY_PREFIX + key);
}
