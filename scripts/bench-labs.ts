/**
 * `npm run bench:labs`: what a cluster lab costs on this machine, against issue 12's targets:
 * cluster lab ready (every slot served) ≤ 5 s, replication lab ready ≤ 2 s, ≤ 80 MB of memory per
 * idle cluster lab (the PSS of its six processes), kill-primary to every slot served again within
 * 3 × cluster-node-timeout, and a topology refresh ≤ 20 ms of app CPU per lab per second.
 *
 * Runs the labs in this process, on the `bench` lab ports (lib/servers/ports.ts, plus
 * KEYSPACE_PORT_OFFSET), one lab at a time, and stops them all before it exits. Options:
 * --runs 3 (labs started per shape; failovers measured).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { startFailover } from '../lib/labs/cluster/failover';
import { LabManager } from '../lib/labs/cluster/lab-manager';
import { restartNode } from '../lib/labs/cluster/restart';
import { labSettings } from '../lib/labs/cluster/settings';
import { labTopology } from '../lib/labs/cluster/topology';
import { dataRoot } from '../lib/servers/local-stack';
import { labPortRange } from '../lib/servers/ports';
import { findValkeyServer } from '../lib/servers/server-binary';
import { onStopRequest } from './setup/lifecycle';

const root = path.resolve(import.meta.dirname, '..');

/**
 * A process's memory: PSS (proportional set size), which counts the pages it shares with other
 * processes (the valkey-server binary, ~10 MB) in shares, and RSS, which counts them in full in
 * every process. The target is judged on PSS; RSS is printed as the upper bound.
 */
function memoryBytes(pid: number): { pss: number; rss: number } {
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(rollup)?.[1] ?? 0) * 1024;
  return { pss: kb('Pss'), rss: kb('Rss') };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const verdict = (ok: boolean) => (ok ? 'meets' : 'MISSES');

async function measure(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { runs: { type: 'string', default: '3' } } });
  const runs = Math.max(1, Number(values.runs));
  const valkey = findValkeyServer();
  if (!valkey) throw new Error('valkey-server 8+ is needed: run `npm start` once, which installs it.');
  const { first, count } = labPortRange('bench');
  const settings = { ...labSettings(), firstPort: first, portCount: count, maxLabs: 1 };
  const manager = new LabManager({ settings, dataRoot: dataRoot(root), valkeyServer: valkey.path });
  onStopRequest(() => void manager.close().then(() => process.exit(130)));
  console.log(
    `valkey-server ${valkey.version}, cluster-node-timeout ${settings.nodeTimeoutMs} ms, ${runs} runs each\n`,
  );

  const clusterReady: number[] = [];
  const replicationReady: number[] = [];
  const idleMemory: number[] = [];
  const idleRss: number[] = [];
  const failovers: number[] = [];
  const topologyCpu: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      let started = performance.now();
      await manager.start('bench', 'replication');
      replicationReady.push(performance.now() - started);
      await manager.stop('bench');

      started = performance.now();
      const lab = await manager.start('bench', 'cluster');
      clusterReady.push(performance.now() - started);
      await sleep(2_000); // idle: replicas synced, nothing running
      const memory = lab.pids().map(memoryBytes);
      idleMemory.push(memory.reduce((sum, process) => sum + process.pss, 0));
      idleRss.push(memory.reduce((sum, process) => sum + process.rss, 0));

      const cpuBefore = process.cpuUsage();
      for (let refresh = 0; refresh < 20; refresh++) await labTopology(lab);
      const cpu = process.cpuUsage(cpuBefore);
      topologyCpu.push((cpu.user + cpu.system) / 1000 / 20);

      const shard = (run % 3) + 1;
      const victim = (await labTopology(lab)).shards[shard - 1]?.nodes.find((node) => node.role === 'primary');
      const { done } = await startFailover(lab, shard, 'kill');
      const result = await done;
      failovers.push(result.writeUnavailableMs ?? Infinity);
      if (victim) await (await restartNode(lab, victim.address, valkey.path)).done;
      await manager.stop('bench');
    }
  } finally {
    await manager.close();
  }
  const bound = 3 * settings.nodeTimeoutMs;
  const rows = [
    [
      'cluster lab ready (all slots served)',
      `${median(clusterReady).toFixed(0)} ms`,
      '≤ 5,000 ms',
      median(clusterReady) <= 5_000,
    ],
    [
      'replication lab ready',
      `${median(replicationReady).toFixed(0)} ms`,
      '≤ 2,000 ms',
      median(replicationReady) <= 2_000,
    ],
    [
      'idle cluster lab memory (PSS, 6 nodes)',
      `${(median(idleMemory) / 1024 / 1024).toFixed(1)} MB`,
      '≤ 80 MB',
      median(idleMemory) <= 80 * 1024 * 1024,
    ],
    [
      'kill primary → slots served again',
      `${median(failovers).toFixed(0)} ms`,
      `≤ ${bound} ms`,
      Math.max(...failovers) <= bound,
    ],
    ['topology refresh, app CPU', `${median(topologyCpu).toFixed(1)} ms`, '≤ 20 ms/s', median(topologyCpu) <= 20],
  ] as const;
  for (const [what, value, target, ok] of rows)
    console.log(`${what.padEnd(42)} ${value.padStart(10)}  ${target.padEnd(12)} ${verdict(ok)}`);
  console.log(
    `\nidle cluster lab RSS, the shared binary counted in each node: ${(median(idleRss) / 1024 / 1024).toFixed(1)} MB`,
  );
  console.log(
    `runs: cluster ready ${clusterReady.map((ms) => ms.toFixed(0)).join(', ')} ms; failover ${failovers.join(', ')} ms`,
  );
}

export async function main(_command: string, argv: string[]): Promise<void> {
  try {
    await measure(argv);
  } catch (error) {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
