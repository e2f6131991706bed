import 'server-only';
/**
 * Runs a lab challenge's checks on the learner's own cluster lab (lib/labs/cluster), through the
 * lab console's executor, so that a check sees exactly what the learner's commands see: cluster
 * mode follows MOVED and ASK like `valkey-cli -c`. A check never moves the learner's console: the
 * node cluster mode is connected to and the reader endpoint's turn are put back afterwards.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { LabChallengeCheck, LabChallengeSpec } from '@/lib/content/lab-challenge-schema';
import { execInLab, type LabExecMode } from '@/lib/labs/cluster/exec';
import { keySlot } from '@/lib/labs/cluster/keyslot';
import type { Lab } from '@/lib/labs/cluster/lab';
import type { LabManager } from '@/lib/labs/cluster/lab-manager';
import { shardOfSlot } from '@/lib/labs/cluster/slot-map';
import { resolveLabCommand, shardPrimary } from '@/lib/labs/cluster/lab-placeholders';
import { labTopology, type LabTopology } from '@/lib/labs/cluster/topology';
import { judgeReply } from './expectations';
import type { ChallengeResult, CheckResult } from './types';

/** How long a check waits for the learner's own command in the lab to answer before it gives up. */
const IDLE_WAIT_MS = 6_000;

async function whenLabIdle(lab: Lab): Promise<void> {
  const deadline = Date.now() + IDLE_WAIT_MS;
  while (lab.busy && Date.now() < deadline) await sleep(20);
}

/** One command line on the lab, leaving the learner's console where it was. */
async function runOnLab(lab: Lab, line: string, mode: LabExecMode, node?: string) {
  await whenLabIdle(lab);
  const cursor = lab.clusterCursor;
  const turn = lab.readerTurn;
  try {
    return await execInLab(lab, line, mode, node);
  } finally {
    lab.clusterCursor = cursor;
    lab.readerTurn = turn;
  }
}

/** The shard whose primary serves `key` now, and that primary's address; nulls when no primary serves it. */
export function ownerOf(topology: LabTopology, key: string): { shard: number | null; primary: string | null } {
  const shard = shardOfSlot(topology.shards, keySlot(key));
  const primary =
    topology.shards
      .find((each) => each.id === shard)
      ?.nodes.find((node) => node.role === 'primary' && node.health !== 'down' && node.health !== 'fail')?.address ??
    null;
  return { shard, primary };
}

async function runCommandCheck(
  lab: Lab,
  topology: LabTopology,
  check: Extract<LabChallengeCheck, { run: string }>,
): Promise<CheckResult> {
  const mode = check.mode ?? (lab.shape === 'cluster' ? 'cluster' : 'primary');
  const line = resolveLabCommand(check.run, topology);
  if (line === null)
    return { label: check.label, passed: false, detail: `${check.failure} (a shard it names has no serving primary)` };
  const onShard = mode === 'node' && check.shard !== undefined ? shardPrimary(topology, check.shard) : null;
  if (mode === 'node' && !onShard)
    return {
      label: check.label,
      passed: false,
      detail: `${check.failure} (shard ${check.shard} has no serving primary)`,
    };
  const targets: { mode: LabExecMode; node?: string }[] = onShard
    ? [{ mode: 'node', node: onShard.address }]
    : mode === 'replicas'
      ? topology.shards.flatMap((shard) =>
          shard.nodes
            .filter((node) => node.role === 'replica' && node.health !== 'down')
            .map((node) => ({ mode: 'node' as const, node: node.address })),
        )
      : [{ mode: mode === 'node' ? 'cluster' : mode }];
  if (targets.length === 0)
    return { label: check.label, passed: false, detail: `${check.failure} (no replica is running)` };
  const seen: string[] = [];
  for (const target of targets) {
    const where = target.node ? ` on ${target.node}` : '';
    const outcome = await runOnLab(lab, line, target.mode, target.node);
    if (outcome.kind === 'rejected')
      return {
        label: check.label,
        passed: false,
        detail: `${check.failure} (${line} could not run: ${outcome.error})`,
      };
    const verdict = outcome.body.reply === null ? null : judgeReply(outcome.body.reply, check.expect);
    if (!verdict?.passed)
      return {
        label: check.label,
        passed: false,
        detail: `${check.failure} (${line}${where} → ${outcome.body.text}${verdict ? `: ${verdict.reason}` : ''})`,
      };
    seen.push(`${line}${where} → ${outcome.body.text}`);
  }
  return { label: check.label, passed: true, detail: seen.join('; ') };
}

async function runCheck(lab: Lab, topology: LabTopology, check: LabChallengeCheck): Promise<CheckResult> {
  if ('run' in check) return runCommandCheck(lab, topology, check);
  if ('slotOwner' in check) {
    const { key, shard } = check.slotOwner;
    if (lab.shape !== 'cluster')
      return { label: check.label, passed: false, detail: `${check.failure} (a replication lab has no slots)` };
    const owner = ownerOf(topology, key).shard;
    const detail = `${key} → slot ${keySlot(key)}, served by shard ${owner ?? 'none'}`;
    return {
      label: check.label,
      passed: owner === shard,
      detail: owner === shard ? detail : `${check.failure} (${detail})`,
    };
  }
  // failedOver: the serving primary is a node that was formed as a replica (lab.ts: primaries first).
  if (check.failedOver === true) {
    const original = lab.nodes[0]?.address;
    const moved = lab.shape === 'replication' && lab.primaryEndpoint !== original;
    const detail = `the primary endpoint points at ${lab.primaryEndpoint || 'nothing'}; it started at ${original}`;
    return { label: check.label, passed: moved, detail: moved ? detail : `${check.failure} (${detail})` };
  }
  // Asked of the original primary itself: another node's view may lag the failover by a gossip round.
  const { shard } = ownerOf(topology, check.failedOver);
  const original = shard === null ? undefined : lab.nodes[shard - 1];
  const role = original?.alive
    ? await original.admin
        ?.call('role')
        .then((reply) => String((reply as unknown[])[0]))
        .catch(() => 'unknown')
    : 'stopped';
  const moved = original !== undefined && (role === 'slave' || role === 'stopped');
  const detail = `shard ${shard ?? '?'} (which owns ${check.failedOver}) started with ${original?.address ?? '?'} as its primary, which is now ${role === 'slave' ? 'a replica' : role === 'master' ? 'still its primary' : role}`;
  return { label: check.label, passed: moved, detail: moved ? detail : `${check.failure} (${detail})` };
}

/** Every check, in order, even after one fails; one failing check that says what to do when there is no lab of the right shape. */
export async function runLabChallengeChecks(
  learnerId: string,
  spec: LabChallengeSpec,
  manager: LabManager,
): Promise<ChallengeResult> {
  const lab = manager.find(learnerId);
  const shapeName = spec.lab === 'cluster' ? 'cluster mode enabled' : 'cluster mode disabled';
  if (!lab || !lab.ready || lab.shape !== spec.lab)
    return {
      passed: false,
      checks: [
        {
          label: `Your lab is running (${shapeName})`,
          passed: false,
          detail: lab
            ? `This challenge needs a lab with ${shapeName}: start one in the lab panel of this lesson.`
            : 'You have no lab running: start one in the lab panel of this lesson.',
        },
      ],
    };
  const topology = await labTopology(lab);
  const checks: CheckResult[] = [];
  for (const check of spec.checks) checks.push(await runCheck(lab, topology, check));
  return { passed: checks.every((check) => check.passed), checks };
}
