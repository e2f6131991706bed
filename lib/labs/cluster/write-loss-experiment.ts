/**
 * The "write loss, measured" experiment's report, as the topology carries it (lib/labs/cluster/
 * write-loss.ts runs it in the app, next to the lab). Client-safe: types and the page's wording.
 *
 * Each round resets a counter, then increments it as fast as one connection can (pipelined, no
 * pacing, each INCR followed by a SET of a 16 KB value), pauses the shard's replicas (SIGSTOP) for
 * a few hundred ms so the stream backs up in the primary's output buffer, as behind a lagging
 * cross-AZ link, kills the primary, resumes the replicas and, once one is promoted, reads the counter there:
 * every acknowledged INCR returned a distinct value, so the acknowledged writes the new primary
 * lacks are exactly the acknowledged values above what it has. The second round waits for
 * `WAIT 1 100` after each write and counts as acknowledged only what a replica confirmed.
 */

/** Every write hashes to one slot, so to one shard, through its hash tag. */
export const WRITE_LOSS_KEY = 'lab:writes:{loss}';
/** The big value each write also sets (same slot): the load that makes a paused replica fall behind. */
export const WRITE_LOSS_PADDING_KEY = 'lab:writes:{loss}:padding';
/** How long the replicas are paused to model lag, and the padding value's size (the run's defaults, as the page says). */
export const WRITE_LOSS_PAUSE_MS = 400;
export const WRITE_LOSS_VALUE_BYTES = 16 * 1024;

export interface WriteLossRound {
  waitForReplica: boolean;
  phase: 'writing' | 'lagging' | 'failing-over' | 'checking' | 'restarting' | 'done' | 'failed';
  /** INCRs sent, answered, and refused or cut off by the kill. */
  sent: number;
  acknowledged: number;
  failed: number;
  /** With WAIT: writes the primary took but no replica confirmed within 100 ms (not counted as acknowledged). */
  unconfirmed: number;
  /** Acknowledged writes per second before the replicas were paused. */
  writesPerSecond: number;
  /** The highest counter value acknowledged. */
  lastAcknowledged: number;
  /** The counter on the promoted primary, and the acknowledged writes it lacks. */
  survived: number | null;
  lost: number | null;
  killed: string | null;
  promoted: string | null;
  message?: string;
}

export interface WriteLossReport {
  state: 'running' | 'done' | 'failed';
  rounds: WriteLossRound[];
  message?: string;
}

export const newWriteLossRound = (waitForReplica: boolean): WriteLossRound => ({
  waitForReplica,
  phase: 'writing',
  sent: 0,
  acknowledged: 0,
  failed: 0,
  unconfirmed: 0,
  writesPerSecond: 0,
  lastAcknowledged: 0,
  survived: null,
  lost: null,
  killed: null,
  promoted: null,
});

/** Acknowledged writes the new primary lacks: the acknowledged INCR values above its counter. */
export function lostWrites(acknowledgedValues: readonly number[], survived: number): number {
  return acknowledgedValues.filter((value) => value > survived).length;
}
