/**
 * Lab managers for the tests: each test file takes its own slice of the test profile's lab ports
 * (lib/servers/ports.ts), so files running in parallel never start nodes on the same port.
 */
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findValkeyServer } from '@/lib/servers/server-binary';
import { labPortRange } from '@/lib/servers/ports';
import { parseClusterNodes } from './cluster-nodes';
import { PORTS_PER_LAB, type Lab } from './lab';
import { LabManager } from './lab-manager';
import { labSettings, type LabSettings } from './settings';

/** Which blocks of the test range each lab test file uses (7 blocks of 6 ports). */
export const TEST_PORT_BLOCKS = {
  cluster: { first: 0, blocks: 2 },
  replication: { first: 2, blocks: 1 },
  manager: { first: 3, blocks: 2 },
  routes: { first: 5, blocks: 1 },
  repair: { first: 6, blocks: 1 },
} as const;

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../../..');
export const TEST_DATA_ROOT = path.join(PROJECT_ROOT, '.data');

export function testLabSettings(
  slice: keyof typeof TEST_PORT_BLOCKS,
  overrides: Partial<LabSettings> = {},
): LabSettings {
  const { first, blocks } = TEST_PORT_BLOCKS[slice];
  return {
    ...labSettings(),
    firstPort: labPortRange('test').first + first * PORTS_PER_LAB,
    portCount: blocks * PORTS_PER_LAB,
    ...overrides,
  };
}

export function testLabManager(slice: keyof typeof TEST_PORT_BLOCKS, overrides: Partial<LabSettings> = {}): LabManager {
  const valkey = findValkeyServer();
  if (!valkey) throw new Error('valkey-server 8+ is needed for the lab tests.');
  return new LabManager({
    settings: testLabSettings(slice, overrides),
    dataRoot: TEST_DATA_ROOT,
    valkeyServer: valkey.path,
  });
}

/**
 * Waits until every running node names the same owner for every slot, as `valkey-cli --cluster
 * check` asks ("All nodes agree about slots configuration"). A replica learns its primary's new
 * slots by gossip: one promoted before that leaves those slots with a dead node (cluster_state:fail
 * in a busy fresh-clone run, 2026-12-05), as it would on a real cluster.
 */
export async function waitForSlotAgreement(lab: Lab, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const views = await Promise.all(
      lab.nodes
        .filter((node) => node.alive && node.admin)
        .map(async (node) =>
          parseClusterNodes(String(await node.admin?.call('cluster', 'nodes')))
            .filter((line) => line.slots.length > 0)
            .map((line) => `${line.id} ${JSON.stringify(line.slots)}`)
            .sort()
            .join('\n'),
        ),
    );
    if (views.every((view) => view === views[0])) return;
    if (Date.now() > deadline) throw new Error(`the lab's nodes still disagree about slots after ${timeoutMs} ms`);
    await sleep(50);
  }
}
