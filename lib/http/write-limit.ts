import 'server-only';
/**
 * Every route that writes to the app's Valkey takes a token here first (H6 of issue 10): a small
 * token bucket per learner and one per client address, and for imports, which write the most, a
 * slower bucket per address. Dropping the cookie makes a new learner, so the address buckets are
 * what bounds an anonymous client. The buckets are the sandbox's (lib/sandbox/rate-limit.ts),
 * under their own names, so a learner's drills never eat into their console commands. Imports
 * also wait for room in the app's Valkey (lib/valkey/store-headroom.ts).
 */
import { keyspaceEnv } from '@/lib/config/env';
import { AppError } from '@/lib/errors';
import { clientAddress } from '@/lib/sandbox/admission';
import { takeTokens, type Bucket } from '@/lib/sandbox/rate-limit';
import { requireImportHeadroom } from '@/lib/valkey/store-headroom';

/** `import` for the routes that merge a whole file (drill history, progress). */
export type WriteKind = 'write' | 'import';

/** Lets one write through, or throws the 429 (with Retry-After) to answer with. Call it before reading the body. */
export async function limitWrites(request: Request, learnerId: string, kind: WriteKind = 'write'): Promise<void> {
  const env = keyspaceEnv();
  const address = clientAddress(request.headers);
  const perLearner = env.KEYSPACE_WRITES_PER_LEARNER;
  const perAddress = env.KEYSPACE_WRITES_PER_ADDRESS;
  const importsPerMinute = env.KEYSPACE_IMPORTS_PER_MINUTE;
  const buckets: Bucket[] = [
    { key: `write:learner:${learnerId}`, rate: perLearner, burst: perLearner * 2 },
    { key: `write:address:${address}`, rate: perAddress, burst: perAddress * 2 },
  ];
  if (kind === 'import')
    buckets.push({ key: `import:address:${address}`, rate: importsPerMinute / 60, burst: importsPerMinute });
  const waitMs = await takeTokens(buckets);
  if (waitMs === 0) {
    if (kind === 'import') await requireImportHeadroom();
    return;
  }
  const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
  const limit =
    kind === 'import'
      ? `${importsPerMinute} imports per minute from one address`
      : `${perLearner} saves per second for each learner`;
  throw new AppError(
    'rate_limited',
    `Too many saves at once: Keyspace takes ${limit}. Try again in ${retryAfterSeconds} s.`,
    {
      retryAfterSeconds,
    },
  );
}
