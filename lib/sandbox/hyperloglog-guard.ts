/**
 * Valkey 8.0.1 (Debian 12's build) can be crashed by HyperLogLog commands run on a hand-crafted
 * string (CVE-2025-32023). The guard: PF* commands only run on keys that PFADD/PFMERGE wrote,
 * and any other write to a key takes it off that list. A key that does not exist yet is fine.
 *
 * The list fails closed:
 * - a write's keys leave it BEFORE the write is sent, since a write can run on the server even
 *   when its reply never arrives (timeout, lost connection);
 * - a PF key joins it only after PFADD/PFMERGE answered without error;
 * - a timeout or lost connection forgets the whole list (whatever was in flight may have run);
 * - it lives in the app's Valkey (one set per learner and engine), so every app process sees the
 *   same list. Redis OSS 7.0.15 has the same bug (fixed in 7.2.10), so its engine is guarded too.
 */
import 'server-only';
import { getValkey } from '@/lib/valkey/connections';
import { trustedHyperLogLogsKey } from '@/lib/valkey/keys';
import { runRule } from './command-table';
import type { RespEngine } from './engine-routing';
import { sandboxLimits } from './limits';

/** PF commands: their rule in command-table.ts names the guard. */
export function isHyperLogLogCommand(name: string): boolean {
  return runRule(name)?.hyperLogLog !== undefined;
}

/** The list outlives the learner's keys no longer than an idle learner's keys live; use refreshes it. */
const ttlSeconds = () => sandboxLimits().learnerIdleSeconds;

/** Keys a PF command would read as HyperLogLogs but that PF commands did not write. */
export async function untrustedHyperLogLogKeys(
  learnerId: string,
  keys: readonly Buffer[],
  engine: RespEngine = 'valkey',
): Promise<Buffer[]> {
  if (keys.length === 0) return [];
  const listKey = trustedHyperLogLogsKey(learnerId, engine);
  const results = await (
    await getValkey('app')
  )
    .pipeline()
    .smismember(listKey, ...keys)
    .expire(listKey, ttlSeconds())
    .exec();
  const [error, trusted] = results?.[0] ?? [new Error('no reply to SMISMEMBER')];
  if (error) throw error;
  return keys.filter((_, index) => (trusted as number[])[index] !== 1);
}

/**
 * Before a write is sent: the keys it may write stop being trusted, whether or not its reply ever
 * arrives. PFMERGE writes only its first key (its sources stay trusted); other writes lose every key.
 */
export async function distrustWrittenKeys(
  learnerId: string,
  name: string,
  keys: readonly Buffer[],
  engine: RespEngine = 'valkey',
): Promise<void> {
  const written = runRule(name)?.hyperLogLog === 'creates' ? keys.slice(0, 1) : keys;
  if (written.length === 0) return;
  await (await getValkey('app')).srem(trustedHyperLogLogsKey(learnerId, engine), ...written);
}

/** After PFADD/PFMERGE answered without error: the key it wrote (its first) holds a real HyperLogLog. */
export async function trustCreatedHyperLogLog(
  learnerId: string,
  name: string,
  keys: readonly Buffer[],
  engine: RespEngine = 'valkey',
): Promise<void> {
  const created = keys[0];
  if (runRule(name)?.hyperLogLog !== 'creates' || created === undefined) return;
  const listKey = trustedHyperLogLogsKey(learnerId, engine);
  await (await getValkey('app')).pipeline().sadd(listKey, created).expire(listKey, ttlSeconds()).exec();
}

/** After a timeout or a lost connection: a write may have run unseen, so nothing stays trusted. */
export async function forgetTrustedHyperLogLogs(learnerId: string, engine: RespEngine = 'valkey'): Promise<void> {
  await (await getValkey('app')).unlink(trustedHyperLogLogsKey(learnerId, engine));
}

export const HYPERLOGLOG_GUARD_MESSAGE =
  'ERR PFADD, PFCOUNT and PFMERGE only run on keys that PFADD or PFMERGE created in this sandbox: this Valkey version has a known HyperLogLog bug (CVE-2025-32023) that a hand-made string could trigger. Delete the key and build it with PFADD.';

/** Inside MULTI a key can be written by a queued command before PF reads it, so the guard cannot vouch for it. */
export const HYPERLOGLOG_IN_TRANSACTION_MESSAGE =
  'ERR PFADD, PFCOUNT and PFMERGE cannot be queued in a sandbox transaction: run them outside MULTI.';
