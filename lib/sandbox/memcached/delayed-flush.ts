import 'server-only';
/**
 * `flush_all <delay>` for one learner, with memcached's meaning (doc/protocol.txt: it "causes all
 * items whose update time is earlier than the time at which flush_all was set to be executed to be
 * ignored"): when the deadline comes, every key the learner stored before it goes, keys stored
 * after the command included; keys stored after the deadline stay. A later flush_all replaces a
 * pending one (memcached keeps one flush time), and `flush_all` or `flush_all 0` means now.
 *
 * The deadline is kept in the app's Valkey (memcachedFlushAtKey), never in a timer: it is applied
 * before the learner's next command (emulate.ts applyDueFlush), and until then the key browser and
 * challenge checks see the keys as flushed (flushIsDue). Reset and the idle sweep drop it with the
 * key index (key-index.ts takeIndex); a day past the deadline it expires on its own.
 */
import { getValkey } from '@/lib/valkey/connections';
import { memcachedFlushAtKey } from '@/lib/valkey/keys';

/** Past this, memcached reads an expiry as a Unix time rather than seconds from now (30 days). */
const RELATIVE_LIMIT_SECONDS = 30 * 24 * 3600;
const KEEP_PAST_DEADLINE_MS = 24 * 3600 * 1000;

/**
 * When `flush_all <delay>` takes effect, in ms, or null for now: a delay of 0 or less, or a Unix
 * time already past (memcached reads a delay over 30 days as one).
 */
export function flushDeadline(delaySeconds: number, now: number): number | null {
  if (delaySeconds <= 0) return null;
  const at = delaySeconds > RELATIVE_LIMIT_SECONDS ? delaySeconds * 1000 : now + delaySeconds * 1000;
  return at > now ? at : null;
}

/** Sets (or replaces) the learner's pending flush. */
export async function scheduleFlush(learnerId: string, at: number): Promise<void> {
  await (await getValkey('app')).set(memcachedFlushAtKey(learnerId), String(at), 'PXAT', at + KEEP_PAST_DEADLINE_MS);
}

/** When the learner's pending flush falls due (ms), or null when none is pending. */
export async function pendingFlushAt(learnerId: string): Promise<number | null> {
  const at = await (await getValkey('app')).get(memcachedFlushAtKey(learnerId));
  return at === null ? null : Number(at);
}

/** True when a pending flush's deadline has passed and it has not been applied yet. */
export async function flushIsDue(learnerId: string, now = Date.now()): Promise<boolean> {
  const at = await pendingFlushAt(learnerId);
  return at !== null && at <= now;
}
