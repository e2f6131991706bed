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
  type WriteLossReport,
  type WriteLossRound,
} from './write-loss-experiment';

export interface WriteLossOptions {
  /** How long to write before the kill (the stream goes on until the connection drops). */
  writeMs: number;
  /** INCRs in flight at once without WAIT. */
  window: number;
  /** The rounds to run: without WAIT, with WAIT 1 100. */
  rounds: boolean[];
}

export const WRITE_LOSS_DEFAULTS: WriteLossOptions = { writeMs: 1_500, window: 64, rounds: [false, true] };

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

/** Writes until the connection drops; resolves with the acknowledged values, in order. */
async function writeUntilCut(
  connection: Redis,
  round: WriteLossRound,
  options: WriteLossOptions,
  kill: () => void,
): Promise<number[]> {
  const acknowledged: number[] = [];
  const began = Date.now();
  let killed = false;
  let cut = false;
  const writer = async () => {
    // A kill that never lands (the failover refused) must not leave the stream running.
    while (!cut && !(killed && Date.now() - began > options.writeMs + 10_000)) {
      if (!killed && Date.now() - began >= options.writeMs && acknowledged.length > 0) {
        killed = true;
        round.writesPerSecond = Math.round((acknowledged.length * 1000) / (Date.now() - began));
        kill();
      }
      round.sent++;
      try {
        if (round.waitForReplica) {
          const replies = (await connection.pipeline().incr(WRITE_LOSS_KEY).call('wait', '1', '100').exec()) ?? [];
          const [[incrError, value] = [], [waitError, replicas] = []] = replies;
          if (incrError || waitError) throw incrError ?? waitError;
          if (Number(replicas) >= 1) acknowledged.push(Number(value));
          else round.unconfirmed++;
        } else {
          acknowledged.push(await connection.incr(WRITE_LOSS_KEY));
        }
      } catch {
        round.failed++;
        cut = true;
      }
    }
  };
  // Without WAIT, a window of INCRs in flight at once (one connection keeps their order); with it, one pair at a time.
  await Promise.all(Array.from({ length: round.waitForReplica ? 1 : options.window }, writer));
  acknowledged.sort((a, b) => a - b);
  round.acknowledged = acknowledged.length;
  round.lastAcknowledged = acknowledged.at(-1) ?? 0;
  return acknowledged;
}

async function runRound(lab: Lab, round: WriteLossRound, options: WriteLossOptions): Promise<void> {
  const { shard, primary } = await target(lab);
  const connection = learnerConnection(lab, primary);
  const failover: { done: Promise<{ newPrimary: string | null }> | null } = { done: null };
  try {
    await connection.connect();
    await connection.set(WRITE_LOSS_KEY, '0');
    await connection.call('wait', '1', '1000');
    const acknowledged = await writeUntilCut(connection, round, options, () => {
      round.killed = primary;
      round.phase = 'failing-over';
      failover.done = startFailover(lab, shard, 'kill').then(({ done }) => done);
    });
    const result = await (failover.done ?? Promise.reject(new Error('the primary was never killed')));
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
