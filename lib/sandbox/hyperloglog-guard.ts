/**
 * Valkey 8.0.1 (Debian 12's build) can be crashed by HyperLogLog commands run on a hand-crafted
 * string (CVE-2025-32023). The guard: PF* commands only run on keys that PFADD/PFMERGE wrote,
 * and any other write to a key takes it off that list. A key that does not exist yet is fine.
 */
import { runRule } from './command-table';
import type { LearnerSession } from './learners';

/** PF commands: their rule in command-table.ts names the guard. */
export function isHyperLogLogCommand(name: string): boolean {
  return runRule(name)?.hyperLogLog !== undefined;
}

/** Keys a PF command would read as HyperLogLogs but that PF commands did not write. */
export function untrustedHyperLogLogKeys(session: LearnerSession, keys: readonly Buffer[]): Buffer[] {
  return keys.filter((key) => !session.hyperLogLogKeys.has(key.toString('latin1')));
}

/** Updates the list after a command ran (or was queued) successfully. */
export function recordWrite(
  session: LearnerSession,
  name: string,
  keys: readonly Buffer[],
  inTransaction: boolean,
): void {
  const names = keys.map((key) => key.toString('latin1'));
  if (runRule(name)?.hyperLogLog === 'creates' && !inTransaction) {
    // PFMERGE writes only its first key; PFADD only has one.
    if (names[0] !== undefined) session.hyperLogLogKeys.add(names[0]);
    return;
  }
  for (const key of names) session.hyperLogLogKeys.delete(key);
}

export const HYPERLOGLOG_GUARD_MESSAGE =
  'ERR PFADD, PFCOUNT and PFMERGE only run on keys that PFADD or PFMERGE created in this sandbox: this Valkey version has a known HyperLogLog bug (CVE-2025-32023) that a hand-made string could trigger. Delete the key and build it with PFADD.';

/** Inside MULTI a key can be written by a queued command before PF reads it, so the guard cannot vouch for it. */
export const HYPERLOGLOG_IN_TRANSACTION_MESSAGE =
  'ERR PFADD, PFCOUNT and PFMERGE cannot be queued in a sandbox transaction: run them outside MULTI.';
