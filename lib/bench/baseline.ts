import 'server-only';
import { keyspaceEnv } from '@/lib/config/env';
import { getValkey } from '@/lib/valkey/connections';

/**
 * The load benchmark's baseline (`npm run bench:sandbox`): one plain GET on the sandbox Valkey,
 * with none of the sandbox's work (parsing, policy, rate limits, per-learner connections), so
 * that the sandbox's overhead can be measured against it. Off unless KEYSPACE_BENCH_ROUTES=1.
 */
export function benchRoutesEnabled(): boolean {
  return keyspaceEnv().KEYSPACE_BENCH_ROUTES;
}

/** Keys the baseline reads live under their own prefix, never under a learner's `sb:<id>:`. */
export const BENCH_KEY_PREFIX = 'bench:';
export const BENCH_KEY_MAX_LENGTH = 256;

/** Exactly one GET on the shared sandbox client. Throws ValkeyUnavailableError when it is down. */
export async function bareGet(key: string): Promise<string | null> {
  const client = await getValkey('sandbox');
  return client.get(BENCH_KEY_PREFIX + key);
}
