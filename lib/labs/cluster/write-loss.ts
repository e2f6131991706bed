/**
 * Runs the write-loss experiment (write-loss-experiment.ts) on a lab, in the app: one connection as
 * the learner's lab user writes to the shard that owns WRITE_LOSS_KEY as fast as it can (a window
 * of pipelined INCRs, or INCR + WAIT 1 100 pairs), the shard's primary is killed mid-stream through
 * the lab's own failover, the counter is read on the promoted primary before anything else writes
 * to it, then the killed node is restarted as a replica. Rounds: without WAIT, then with it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import { AppError } from '@/lib/errors';
import { startFailover } from './failover';
import { keySlot } from './keyslot';
import type { Lab } from './lab';
import { LAB_LEARNER_USER } from './lab-node';
import { restartNode } from './restart';
import { shardMembers } from './shard-probe';
import { shardOfSlot } from './slot-map';
import { labTopology } from './topology';
import {
  lostWrites,
  newWriteLossRound,
  WRITE_LOSS_KEY,
  WRITE_LOSS_PADDING_KEY,
  WRITE_LOSS_PAUSE_MS,
  WRITE_LOSS_VALUE_BYTES,
  type WriteLossReport,
  type WriteLossRound,
} from './write-loss-experiment';

export interface WriteLossOptions {
  /** How long to write before the replicas are paused (the stream goes on until the connection drops). */
  writeMs: number;
  /** Writes in flight at once without WAIT. */
  window: number;
  /** The rounds to run: without WAIT, with WAIT 1 100. */
  rounds: boolean[];
  /** How long the shard's replicas are stopped (SIGSTOP) before the kill: a replica lagging as across AZs under load. */
  pauseReplicasMs: number;
  /** The value each write also sets: big enough that the stream outruns the kernel's socket buffers. */
  valueBytes: number;
}

export const WRITE_LOSS_DEFAULTS: WriteLossOptions = {
  writeMs: 1_500,
  window: 64,
  rounds: [false, true],
  pauseReplicasMs: WRITE_LOSS_PAUSE_MS,
  valueBytes: WRITE_LOSS_VALUE_BYTES,
};

function learnerConnection(lab: Lab, address: string): Redis {
  const connection = new Redis({
    host: '127.0.0.1',
    port: Number(address.split(':')[1]),
    username: LAB_LEARNER_USER,
    password: lab.password,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    lazyConnect: true,
  });
  connection.on('error', () => {}); // the kill drops it: each write's promise says so
  return connection;
}

/** The shard the experiment writes to and its serving primary now. */
async function target(lab: Lab): Promise<{ shard: number; primary: string }> {
  const topology = await labTopology(lab);
  const shard = lab.shape === 'cluster' ? shardOfSlot(topology.shards, keySlot(WRITE_LOSS_KEY)) : 1;
  if (shard === null) throw new AppError('bad_request', `No shard serves ${WRITE_LOSS_KEY}.`);
  const nodes = topology.shards.find((each) => each.id === shard)?.nodes ?? [];
  if (!nodes.some((node) => node.role === 'replica' && node.health === 'ok'))
    throw new AppError('bad_request', `Shard ${shard} needs a running replica to fail over to: restart it first.`);
  const primary = lab.shape === 'cluster' ? (await shardMembers(lab, shard)).primary.address : lab.primaryEndpoint;
  return { shard, primary };
}

/** The writers' shared state: what was acknowledged, and whether the stream ended (cut by the kill, or stopped). */
interface WriteStream {
  acknowledged: number[];
  cut: boolean;
  stop: boolean;
  error?: string;
}

/**
 * Writes until the connection drops or `stream.stop`. Each write is INCR, a SET of the padding
 * value (the load that makes a paused replica fall behind) and, with WAIT, WAIT 1 100: it is
 * acknowledged only if every reply succeeded (and WAIT saw a replica), refused or cut off otherwise.
 */
async function writeUntilCut(
  connection: Redis,
  round: WriteLossRound,
  options: WriteLossOptions,
  stream: WriteStream,
): Promise<void> {
  const padding = 'x'.repeat(options.valueBytes);
  const writer = async () => {
    while (!stream.cut && !stream.stop) {
      round.sent++;
      try {
        const pipeline = connection.pipeline().incr(WRITE_LOSS_KEY).set(WRITE_LOSS_PADDING_KEY, padding);
        if (round.waitForReplica) pipeline.call('wait', '1', '100');
        const replies = (await pipeline.exec()) ?? [];
        const failure = replies.find(([error]) => error)?.[0];
        if (failure || replies.length === 0) throw failure ?? new Error('no reply');
        const value = Number(replies[0]?.[1]);
        if (!round.waitForReplica || Number(replies[2]?.[1]) >= 1) stream.acknowledged.push(value);
        else round.unconfirmed++; // the primary took it, no replica confirmed it: the writer was not told it is safe
      } catch (error) {
        round.failed++;
        stream.error ??= error instanceof Error ? error.message : String(error);
        stream.cut = true;
      }
    }
  };
  // Without WAIT, a window of writes in flight at once (one connection keeps their order); with it, one at a time.
  await Promise.all(Array.from({ length: round.waitForReplica ? 1 : options.window }, writer));
}

/** The running replicas of the shard, which the experiment pauses to make them lag. */
async function replicasOf(lab: Lab, shard: number, primary: string): Promise<string[]> {
  const replicas =
    lab.shape === 'cluster'
      ? (await shardMembers(lab, shard)).replicas.map((line) => line.address)
      : lab.addresses.filter((address) => address !== primary);
  return replicas.filter((address) => lab.node(address)?.alive);
}

/** Stops the nodes' processes (SIGSTOP); the returned function resumes every one it stopped (SIGCONT), once. */
function pauseNodes(lab: Lab, addresses: readonly string[]): () => void {
  const stopped: number[] = [];
  const resume = () => {
    for (const pid of stopped.splice(0)) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // The process is gone: nothing is left stopped.
      }
    }
  };
  try {
    for (const address of addresses) {
      const pid = lab.node(address)?.instance?.pid;
      if (!pid) continue;
      stopped.push(pid);
      process.kill(pid, 'SIGSTOP');
    }
  } catch (error) {
    resume();
    throw error;
  }
  return resume;
}

/** Resolves once `done()` holds or `limitMs` passed. */
async function until(done: () => boolean, limitMs: number): Promise<void> {
  const since = Date.now();
  while (!done() && Date.now() - since < limitMs) await sleep(5);
}

/**
 * Writes for `writeMs`, pauses the shard's replicas for `pauseReplicasMs` while the writes go on
 * (they pile up in the primary's output buffer), kills the primary, then resumes the replicas
 * (always, whatever failed). Resolves with the failover's outcome once the stream was cut.
 */
async function writePauseAndKill(
  lab: Lab,
  shard: number,
  primary: string,
  connection: Redis,
  round: WriteLossRound,
  options: WriteLossOptions,
): Promise<{ acknowledged: number[]; failover: Promise<{ newPrimary: string | null }> }> {
  const stream: WriteStream = { acknowledged: [], cut: false, stop: false };
  const began = Date.now();
  const writing = writeUntilCut(connection, round, options, stream);
  try {
    await until(() => stream.cut, options.writeMs);
    if (stream.cut || stream.acknowledged.length === 0)
      throw new Error(`the writes stopped before the kill: ${stream.error ?? 'none was acknowledged'}`);
    round.writesPerSecond = Math.round((stream.acknowledged.length * 1000) / (Date.now() - began));
    const replicas = await replicasOf(lab, shard, primary);
    const resume = pauseNodes(lab, replicas);
    try {
      round.phase = 'lagging';
      lab.timeline.record(
        `${replicas.length === 1 ? 'Replica' : 'Replicas'} ${replicas.join(', ')} paused (SIGSTOP) for ${options.pauseReplicasMs} ms: a lagging replica`,
        { kind: 'note', shard },
      );
      await sleep(options.pauseReplicasMs);
      round.killed = primary;
      round.phase = 'failing-over';
      const failover = startFailover(lab, shard, 'kill').then(({ done }) => done);
      let failoverRefused = false;
      failover.catch(() => (failoverRefused = true)); // awaited by the caller; the resume must not wait for it
      // Resume once the primary is dead. A cluster's failover first asks a node for the view, which may be a
      // paused replica: after one more pause it resumes anyway rather than wait on itself.
      await until(() => lab.node(primary)?.alive === false, options.pauseReplicasMs);
      resume();
      await until(() => stream.cut || failoverRefused, 10_000);
      stream.stop = true;
      await writing;
      return { acknowledged: stream.acknowledged.sort((a, b) => a - b), failover };
    } finally {
      resume();
    }
  } finally {
    stream.stop = true;
    await writing;
    round.acknowledged = stream.acknowledged.length;
    round.lastAcknowledged = stream.acknowledged.reduce((highest, value) => Math.max(highest, value), 0);
  }
}

async function runRound(lab: Lab, round: WriteLossRound, options: WriteLossOptions): Promise<void> {
  const { shard, primary } = await target(lab);
  const connection = learnerConnection(lab, primary);
  try {
    await connection.connect();
    await connection.set(WRITE_LOSS_KEY, '0');
    await connection.call('wait', '1', '1000');
    const { acknowledged, failover } = await writePauseAndKill(lab, shard, primary, connection, round, options);
    const result = await failover;
    if (!result.newPrimary) throw new Error('no replica was promoted: see the timeline');
    round.phase = 'checking';
    round.promoted = result.newPrimary;
    const reader = learnerConnection(lab, result.newPrimary);
    try {
      await reader.connect();
      round.survived = Number((await reader.get(WRITE_LOSS_KEY)) ?? 0);
    } finally {
      reader.disconnect();
    }
    round.lost = lostWrites(acknowledged, round.survived);
  } finally {
    connection.disconnect();
  }
  round.phase = 'restarting';
  const restarted = await restartNode(lab, round.killed as string);
  await restarted.done;
  // The next round needs the restarted node in sync as a replica.
  for (let tries = 0; tries < 100; tries++) {
    const topology = await labTopology(lab);
    const node = topology.shards.flatMap((each) => each.nodes).find((each) => each.address === round.killed);
    if (node?.role === 'replica' && node.health === 'ok' && node.lag === 0) break;
    await sleep(50);
  }
  round.phase = 'done';
  lab.timeline.record(
    `Write loss${round.waitForReplica ? ' with WAIT 1 100' : ''}: ${round.acknowledged} writes acknowledged (${round.writesPerSecond}/s), ${round.lost} of them missing on the new primary`,
    { kind: 'write-loss', shard, node: round.promoted ?? undefined },
  );
}

/** Starts the experiment; `done` settles with its report, which the topology also carries as it runs. */
export async function startWriteLoss(
  lab: Lab,
  options: WriteLossOptions = WRITE_LOSS_DEFAULTS,
): Promise<{ done: Promise<WriteLossReport> }> {
  await target(lab); // refuses at once when the shard cannot fail over
  const report: WriteLossReport = { state: 'running', rounds: [] };
  lab.writeLoss = report;
  const done = (async () => {
    for (const waitForReplica of options.rounds) {
      const round = newWriteLossRound(waitForReplica);
      report.rounds.push(round);
      try {
        await runRound(lab, round, options);
      } catch (error) {
        round.phase = 'failed';
        round.message = error instanceof Error ? error.message : String(error);
        report.state = 'failed';
        report.message = round.message;
        return report;
      }
    }
    report.state = 'done';
    return report;
  })();
  return { done };
}
