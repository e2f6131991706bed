/**
 * One learner's lab: its nodes, its password, its timeline and the console's connections. The
 * lab's operations live beside it (formation.ts, topology.ts, exec.ts, failover.ts, reshard.ts);
 * this file owns its life: start, stop, and the folder under `.data/labs/<lab-id>/`.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type Redis from 'ioredis';
import type { LearnerConnection } from '@/lib/sandbox/learner-connection';
import { LabTimeline } from './events';
import { formCluster, formReplication } from './formation';
import { startLabNode, stopLabNode, type LabNode, type LabShape } from './lab-node';
import type { LabSettings } from './settings';
import type { WriteLossReport } from './write-loss-experiment';

/** How many ports a lab takes from the range: a cluster's six nodes (a replication lab uses three of them). */
export const PORTS_PER_LAB = 6;
const NODE_COUNT: Record<LabShape, number> = { cluster: 6, replication: 3 };

export class Lab {
  readonly id = `lab-${randomBytes(6).toString('hex')}`;
  readonly password = randomBytes(24).toString('hex');
  readonly timeline = new LabTimeline();
  nodes: LabNode[] = [];
  /** Shard numbers by node id (cluster shape), fixed at formation: a shard keeps its number through failovers. */
  readonly shardOfNode = new Map<string, number>();
  /** Replication shape: the node the primary endpoint points at (the app is the control plane). */
  primaryEndpoint = '';
  /** Cluster mode: the node the console is connected to, moved by redirects as valkey-cli -c does. */
  clusterCursor = '';
  /** Replication shape: which replica the reader endpoint gave the last command to. */
  readerTurn = -1;
  /** The console's connections as the `learner` user, by node address. */
  readonly consoleConnections = new Map<string, LearnerConnection>();
  /** One console command at a time per lab, as on one valkey-cli. */
  busy = false;
  lastUsed = Date.now();
  /** The latest write-loss experiment (write-loss.ts), updated as it runs. */
  writeLoss: WriteLossReport | null = null;
  /** Set once every node is up and the topology formed: only a ready lab can be idle. */
  ready = false;
  stopped = false;

  constructor(
    readonly learnerId: string,
    readonly shape: LabShape,
    readonly dir: string,
    readonly firstPort: number,
    readonly settings: LabSettings,
    private readonly valkeyServer: string,
  ) {}

  get addresses(): string[] {
    return this.nodes.map((node) => node.address);
  }

  node(address: string): LabNode | undefined {
    return this.nodes.find((node) => node.address === address);
  }

  touch(): void {
    this.lastUsed = Date.now();
  }

  /** Starts every node and forms the cluster or the replication group; stops what it started if anything fails. */
  async start(): Promise<void> {
    const began = Date.now();
    mkdirSync(this.dir, { recursive: true });
    // Whose lab this is: the next start reaps it only once this process is gone (reap.ts).
    writeFileSync(
      path.join(this.dir, 'owner.json'),
      JSON.stringify({ pid: process.pid, learner: this.learnerId }) + '\n',
    );
    try {
      this.nodes = await Promise.all(
        Array.from({ length: NODE_COUNT[this.shape] }, (_, index) =>
          startLabNode(
            this.shape,
            this.firstPort + index,
            path.join(this.dir, `node-${this.firstPort + index}`),
            this.settings,
            this.password,
            this.valkeyServer,
          ),
        ),
      );
      await Promise.all(this.nodes.map((node) => waitForAdmin(node.admin as Redis)));
      if (this.shape === 'cluster') await formCluster(this);
      else await formReplication(this);
    } catch (error) {
      await this.stop();
      throw error;
    }
    this.clusterCursor = this.nodes[0]?.address ?? '';
    this.ready = true;
    this.touch();
    this.timeline.record(
      `${this.shape === 'cluster' ? 'Cluster of 3 shards (3 primaries, 3 replicas)' : 'Primary with 2 replicas'} ready in ${Date.now() - began} ms`,
      { kind: 'ready' },
    );
  }

  /** Stops every node and deletes the lab's folder. Safe to call twice. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const connection of this.consoleConnections.values()) connection.close();
    this.consoleConnections.clear();
    await Promise.all(this.nodes.map((node) => stopLabNode(node)));
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Pids of the lab's running nodes (the app's exit hook kills them synchronously). */
  pids(): number[] {
    return this.nodes.flatMap((node) => (node.instance ? [node.instance.pid] : []));
  }
}

/** Waits until an admin connection is ready (it connects in the background and queues nothing). */
export async function waitForAdmin(admin: Redis, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (admin.status !== 'ready') {
    if (Date.now() > deadline)
      throw new Error(`the lab node on port ${admin.options.port} did not accept the app's connection`);
    await sleep(10);
  }
}
