/**
 * The "write loss, measured" experiment, run from the browser through the lab's own API (exec,
 * failover, restart): it writes continuously to one shard (INCR on a counter, so each reply is the
 * number of writes that shard acknowledged), kills that shard's primary mid-stream, follows the
 * promotion as a client refreshing its view would, then reads the counter on the new primary:
 * acknowledged writes it lacks were lost. With `waitForReplica`, each write is followed by
 * `WAIT 1 100`, and only writes a replica confirmed count as acknowledged. Finally it restarts the
 * killed node so the shard has a replica again. Client-safe; paced under the per-learner rate limit.
 */
import { highlightKey } from './key-highlight';
import { shardOfSlot } from './slot-map';
import type { LabConsoleMode, LabExecResponse, LabTopology } from './api-client';

export type WriteLossPhase = 'preparing' | 'writing' | 'failing-over' | 'checking' | 'restarting' | 'done' | 'failed';

export interface WriteLossRun {
  waitForReplica: boolean;
  phase: WriteLossPhase;
  /** Writes sent, and how they ended. */
  attempted: number;
  acknowledged: number;
  failed: number;
  /** Writes the primary took but WAIT could not confirm on a replica within 100 ms. */
  unconfirmed: number;
  /** The counter's value in the last reply the old primary acknowledged (and, with WAIT, a replica confirmed). */
  lastAcknowledged: number;
  /** The counter the new primary had when it took its first write, and the acknowledged writes it lacks. */
  survived: number | null;
  lost: number | null;
  killed: string | null;
  promoted: string | null;
  message?: string;
}

export interface WriteLossApi {
  exec(command: string, mode: LabConsoleMode, node?: string): Promise<LabExecResponse>;
  topology(): Promise<LabTopology | null>;
  failover(shard: number, kind: 'kill'): Promise<{ ok: true } | { ok: false; error: string }>;
  restart(node: string): Promise<{ ok: true } | { ok: false; error: string }>;
}

/** Every write hashes to one slot, so to one shard, through its hash tag. */
export const WRITE_LOSS_KEY = 'lab:writes:{loss}';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const integerReply = (text: string): number | null => {
  const match = /^(?:\(integer\) )?"?(-?\d+)"?$/.exec(text.trim());
  return match ? Number(match[1]) : null;
};

export const newWriteLossRun = (waitForReplica: boolean): WriteLossRun => ({
  waitForReplica,
  phase: 'preparing',
  attempted: 0,
  acknowledged: 0,
  failed: 0,
  unconfirmed: 0,
  lastAcknowledged: 0,
  survived: null,
  lost: null,
  killed: null,
  promoted: null,
});

/** The shard the experiment writes to, and where a client sends to now: the shard's healthy primary. */
export function writeTarget(
  topology: LabTopology,
): { shard: number; mode: LabConsoleMode; node?: string; primary: string | null } | null {
  const shard = topology.shape === 'cluster' ? shardOfSlot(topology.shards, highlightKey(WRITE_LOSS_KEY).slot) : 1;
  const nodes = topology.shards.find((candidate) => candidate.id === shard)?.nodes ?? [];
  const primary = nodes.find((node) => node.role === 'primary' && node.health === 'ok')?.address ?? null;
  if (shard === null) return null;
  return topology.shape === 'cluster'
    ? { shard, mode: 'node', node: primary ?? undefined, primary }
    : { shard, mode: 'primary', primary: topology.endpoints.primary ?? primary };
}

/** How long to wait between commands: the lab allows 10 commands a second per learner. */
const PACE_MS = 130;
const WRITES_BEFORE_KILL = 8;
/** A replica still syncing makes WAIT answer 0 for a while; past this many writes it is not coming. */
const MAX_WRITES_BEFORE_KILL = 120;
const RECOVERY_LIMIT_MS = 30_000;

export async function runWriteLoss(
  api: WriteLossApi,
  waitForReplica: boolean,
  report: (run: WriteLossRun) => void,
  signal: AbortSignal,
): Promise<WriteLossRun> {
  let run = newWriteLossRun(waitForReplica);
  const update = (change: Partial<WriteLossRun>) => {
    run = { ...run, ...change };
    report(run);
  };
  const fail = (message: string) => {
    update({ phase: 'failed', message });
    return run;
  };
  /** Retries an operation the lab turns away while another one (a failover's watcher) finishes. */
  const operation = async (call: () => Promise<{ ok: true } | { ok: false; error: string }>) => {
    for (let attempt = 0; ; attempt++) {
      const result = await call();
      if (result.ok || attempt >= 15 || !/still under way|Too many/i.test(result.error)) return result;
      await sleep(1000);
    }
  };

  let topology = await api.topology();
  let target = topology && writeTarget(topology);
  if (!topology || !target?.primary) return fail('The shard has no healthy primary: restart its nodes first.');
  const shard = topology.shards.find((candidate) => candidate.id === target?.shard);
  if (!shard?.nodes.some((node) => node.role === 'replica' && node.health === 'ok'))
    return fail('The shard needs a healthy replica to fail over to: restart it first.');

  const reset = await api.exec(`SET ${WRITE_LOSS_KEY} 0`, target.mode, target.node);
  if (!reset.ok) return fail(`Could not reset the counter: ${reset.text}`);
  update({ phase: 'writing' });

  let killedAt: number | null = null;
  let lastRefresh = 0;
  while (!signal.aborted) {
    await sleep(PACE_MS);
    if (killedAt === null && run.acknowledged >= WRITES_BEFORE_KILL) {
      const killed = target.primary;
      const result = await operation(() => api.failover(target?.shard ?? 1, 'kill'));
      if (!result.ok) return fail(`Could not kill the primary: ${result.error}`);
      killedAt = Date.now();
      update({ phase: 'failing-over', killed });
    }
    if (killedAt === null && run.attempted > MAX_WRITES_BEFORE_KILL)
      return fail('The replica never confirmed writes (WAIT answered 0): see the topology, then try again.');
    if (killedAt !== null && Date.now() - killedAt > RECOVERY_LIMIT_MS)
      return fail('The shard did not take writes again within 30 s: see the timeline.');

    const reply = await api.exec(`INCR ${WRITE_LOSS_KEY}`, target.mode, target.node);
    if (reply.rateLimited) continue;
    const value = reply.ok ? integerReply(reply.text) : null;
    if (value === null) {
      update({ attempted: run.attempted + 1, failed: run.failed + 1 });
      // A client refreshes its view of the shard after a failed write, at most twice a second.
      if (Date.now() - lastRefresh > 500) {
        lastRefresh = Date.now();
        topology = (await api.topology()) ?? topology;
        target = writeTarget(topology) ?? target;
      }
      continue;
    }
    let confirmed = true;
    if (waitForReplica && !(killedAt !== null && reply.node !== run.killed)) {
      await sleep(PACE_MS);
      const wait = await api.exec('WAIT 1 100', target.mode, target.node);
      confirmed = wait.ok && (integerReply(wait.text) ?? 0) >= 1;
    }
    if (killedAt !== null && reply.node !== run.killed) {
      // The first write the new primary takes returns its counter plus one: what it had received.
      const survived = value - 1;
      update({
        attempted: run.attempted + 1,
        promoted: reply.node,
        survived,
        lost: Math.max(0, run.lastAcknowledged - survived),
        phase: 'checking',
      });
      break;
    }
    update({
      attempted: run.attempted + 1,
      acknowledged: confirmed ? run.acknowledged + 1 : run.acknowledged,
      unconfirmed: confirmed ? run.unconfirmed : run.unconfirmed + 1,
      lastAcknowledged: confirmed ? value : run.lastAcknowledged,
    });
  }
  if (signal.aborted) return fail('Stopped.');

  update({ phase: 'restarting' });
  const killed = run.killed;
  if (killed) {
    const restarted = await operation(() => api.restart(killed));
    if (!restarted.ok) return fail(`Measured, but the killed node did not restart: ${restarted.error}`);
    for (let waited = 0; waited < 20_000 && !signal.aborted; waited += 500) {
      const now = await api.topology();
      if (now?.shards.some((s) => s.nodes.some((node) => node.address === killed && node.health === 'ok'))) break;
      await sleep(500);
    }
  }
  update({ phase: 'done' });
  return run;
}
