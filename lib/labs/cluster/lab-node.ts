/**
 * One lab node: a valkey-server on a loopback port, in its own folder under the lab's, with the
 * lab's password for both of its users (`keyspace`, the app's admin, and `learner`, the console's
 * restricted user), the `default` user off, `maxmemory` and, for the cluster shape, cluster mode
 * with a short node timeout. Started and stopped through lib/servers/local-server.ts, so a node
 * has a pidfile like every server Keyspace starts, and leftovers are found the same way.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Redis from 'ioredis';
import { ADMIN_USER, startInstance, type RunningInstance, type ServerSettings } from '@/lib/servers/local-server';
import { CLUSTER_BUS_OFFSET } from '@/lib/servers/ports';
import { labAclRule } from './lab-commands';
import type { LabSettings } from './settings';

export type LabShape = 'cluster' | 'replication';

/** The console's user on every lab node (lab-commands.ts gives its commands). */
export const LAB_LEARNER_USER = 'learner';

export interface LabNode {
  port: number;
  /** "127.0.0.1:PORT", as CLUSTER NODES and MOVED name it. */
  address: string;
  dir: string;
  /** The running process; null once it was killed or stopped. */
  instance: RunningInstance | null;
  /** The app's admin connection, opened once the node is up. */
  admin: Redis | null;
  /** False from the moment the process ends, however it ends. */
  alive: boolean;
}

function nodeSettings(shape: LabShape, port: number, settings: LabSettings, password: string): ServerSettings {
  return {
    config: [
      'save ""',
      'appendonly no',
      `maxmemory ${settings.maxMemoryBytes}`,
      'maxmemory-policy noeviction',
      'maxclients 64',
      // Replicas sync straight away and over the socket: a lab is ready, and a restarted node rejoins, in seconds.
      'repl-diskless-sync yes',
      'repl-diskless-sync-delay 0',
      'repl-diskless-load on-empty-db',
      `masteruser ${ADMIN_USER}`,
      `masterauth ${password}`,
      ...(shape === 'cluster'
        ? [
            'cluster-enabled yes',
            `cluster-port ${port + CLUSTER_BUS_OFFSET}`,
            'cluster-config-file nodes.conf',
            `cluster-node-timeout ${settings.nodeTimeoutMs}`,
            // A replica may always take over, however long its primary was gone: the lab kills primaries on purpose.
            'cluster-replica-validity-factor 0',
          ]
        : []),
      labAclRule(LAB_LEARNER_USER, password),
    ],
    defaultUser: 'off',
  };
}

/** Starts a node and opens its admin connection. */
export async function startLabNode(
  shape: LabShape,
  port: number,
  dir: string,
  settings: LabSettings,
  password: string,
  valkeyServer: string,
): Promise<LabNode> {
  mkdirSync(dir, { recursive: true });
  // local-server.ts reads the instance's password from this file: every node of a lab shares one.
  writeFileSync(path.join(dir, 'password'), `${password}\n`, { mode: 0o600 });
  const name = `lab node 127.0.0.1:${port}`;
  const instance = await startInstance(
    { name, port, dir, settings: nodeSettings(shape, port, settings, password) },
    valkeyServer,
  );
  const node: LabNode = { port, address: `127.0.0.1:${port}`, dir, instance, admin: null, alive: true };
  node.admin = adminConnection(port, password);
  void instance.exited.then(() => {
    if (node.instance === instance) node.alive = false;
  });
  return node;
}

/** The app's own connection to a node: fails fast, never queues a command for a node that is down. */
export function adminConnection(port: number, password: string): Redis {
  const admin = new Redis({
    host: '127.0.0.1',
    port,
    username: ADMIN_USER,
    password,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: 1_000,
    commandTimeout: 2_000,
    retryStrategy: () => 200,
    lazyConnect: false,
  });
  admin.on('error', () => {}); // a node that is down is normal in the lab: topology reports it
  return admin;
}

export async function stopLabNode(node: LabNode): Promise<void> {
  node.admin?.disconnect();
  node.admin = null;
  const instance = node.instance;
  node.instance = null;
  node.alive = false;
  await instance?.stop();
}
