/**
 * The open-slot repair (open-slots.ts) in the states cluster-lab.test.ts does not reach, each set up
 * with CLUSTER SETSLOT on the real nodes of one cluster lab, and the "Repair open slots" route on it.
 * The lab is the app's own lab manager's (on this file's ports), so that the route finds it.
 */
import type Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as repairRoute } from '@/app/api/labs/cluster/repair/route';
import { setEnv } from '@/lib/testing/env';
import { issuedCookie, learnerRequest } from '@/lib/testing/http';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { parseClusterNodes } from './cluster-nodes';
import type { Lab } from './lab';
import { labManager } from './lab-service';
import { openSlotMarkers, repairOpenSlots } from './open-slots';
import { keyInSlots } from './shard-probe';
import { testLabSettings } from './testing';
import type { LabTopology } from './topology';

const settings = testLabSettings('repair');
setEnv({
  KEYSPACE_LAB_FIRST_PORT: String(settings.firstPort),
  KEYSPACE_LAB_PORT_COUNT: String(settings.portCount),
});

/** A primary of the lab: shard `index + 1` (formation.ts), 0–5460, 5461–10922, 10923–16383. */
interface Primary {
  admin: Redis;
  id: string;
  port: number;
  address: string;
}

let lab: Lab;
let cookie: string;
let primaries: [Primary, Primary, Primary];

beforeAll(async () => {
  // The route issues the learner's cookie even on its 404, and that learner's lab is the file's lab.
  const noLab = await repairRoute(learnerRequest('/api/labs/cluster/repair', undefined, {}));
  expect(noLab.status).toBe(404);
  cookie = issuedCookie(noLab) as string;
  lab = await labManager().start(cookie.split('.')[0] as string, 'cluster');
  primaries = (await Promise.all(
    lab.nodes.slice(0, 3).map(async (node) => {
      const admin = node.admin as Redis;
      return { admin, id: String(await admin.call('cluster', 'myid')), port: node.port, address: node.address };
    }),
  )) as [Primary, Primary, Primary];
}, 30_000);

afterAll(async () => {
  await labManager().close();
  await closeValkeyClients();
});

const setslot = (node: Primary, slot: number, ...state: string[]) =>
  node.admin.call('cluster', 'setslot', String(slot), ...state);

/** `count` keys in `slot` (one hash tag), each set to its own name on the slot's owner. */
async function keysIn(owner: Primary, slot: number, count: number): Promise<string[]> {
  const tag = keyInSlots([[slot, slot]], `open-slot:${slot}:`);
  const keys = Array.from({ length: count }, (_, index) => (index === 0 ? tag : `{${tag}}:${index}`));
  for (const key of keys) await owner.admin.set(key, key);
  return keys;
}

/** Each primary's own open-slot markers, as CLUSTER NODES shows them on its `myself` line. */
async function markers(): Promise<string[]> {
  return Promise.all(
    primaries.map(async (node) => {
      const line = String(await node.admin.call('cluster', 'nodes'))
        .split('\n')
        .find((each) => each.split(' ')[2]?.includes('myself')) as string;
      const { migrating, importing } = openSlotMarkers(line);
      return [...[...migrating].map(([slot]) => `${slot}>`), ...[...importing].map(([slot]) => `${slot}<`)].join(' ');
    }),
  );
}

/** Who owns `slot` in the view of each primary (its address). */
const ownersSeen = (slot: number) =>
  Promise.all(
    primaries.map(async (node) => {
      const view = parseClusterNodes(String(await node.admin.call('cluster', 'nodes')));
      return view.find((line) => line.slots.some(([first, last]) => first <= slot && slot <= last))?.address;
    }),
  );

/** cluster_state on every primary, polled: a node that had a slot unassigned reports fail until its next cron. */
async function expectClusterOk(): Promise<void> {
  const deadline = Date.now() + 5_000;
  let states: string[] = [];
  do {
    states = await Promise.all(
      primaries.map(
        async (node) => /cluster_state:(\w+)/.exec(String(await node.admin.call('cluster', 'info')))?.[1] ?? '',
      ),
    );
    if (states.every((state) => state === 'ok')) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  } while (Date.now() < deadline);
  expect(states).toEqual(['ok', 'ok', 'ok']);
}

/** Closed everywhere, owned by `owner` in every primary's view, its keys there and readable. */
async function expectRepaired(slot: number, owner: Primary, keys: readonly string[]): Promise<void> {
  expect(await markers()).toEqual(['', '', '']);
  expect(await ownersSeen(slot)).toEqual([owner.address, owner.address, owner.address]);
  expect(Number(await owner.admin.call('cluster', 'countkeysinslot', String(slot)))).toBe(keys.length);
  for (const key of keys) expect(await owner.admin.get(key)).toBe(key);
  await expectClusterOk();
}

const repairEvents = () =>
  lab.timeline
    .list()
    .filter((event) => event.kind === 'slot-repaired')
    .map(({ slot, shard, progress, text }) => ({ slot, shard, keys: progress?.keys, text }));

describe('repairing open slots as valkey-cli --cluster fix does', () => {
  it('finishes a move towards the node the migrating one names and closes the other importing node', async () => {
    const [shard1, shard2, shard3] = primaries;
    const keys = await keysIn(shard1, 100, 2);
    await setslot(shard2, 100, 'importing', shard1.id);
    await setslot(shard3, 100, 'importing', shard1.id);
    await setslot(shard1, 100, 'migrating', shard2.id);
    expect(await markers()).toEqual(['100>', '100<', '100<']);

    expect(await repairOpenSlots(lab)).toEqual([{ slot: 100, action: 'finished', owner: 2, keys: 2 }]);
    await expectRepaired(100, shard2, keys);
    expect(repairEvents().at(-1)).toEqual({
      slot: 100,
      shard: 2,
      keys: 2,
      text: 'Repaired open slot 100, as valkey-cli --cluster fix does: finished its move to shard 2 (2 keys moved)',
    });
  });

  it('closes a slot only the owner has open as migrating (STABLE), its keys left where they are', async () => {
    const [, shard2, shard3] = primaries;
    const keys = await keysIn(shard2, 6000, 1);
    await setslot(shard2, 6000, 'migrating', shard3.id);
    expect(await markers()).toEqual(['', '6000>', '']);

    expect(await repairOpenSlots(lab)).toEqual([{ slot: 6000, action: 'closed', owner: 2, keys: 0 }]);
    await expectRepaired(6000, shard2, keys);
    expect(repairEvents().at(-1)?.text).toBe(
      'Repaired open slot 6000, as valkey-cli --cluster fix does: closed (STABLE): no key had moved, shard 2 still owns it',
    );
  });

  it('gives a slot nobody claims to the primary with the most keys (the first on a tie) and closes the rest', async () => {
    // Shard 3 opens 12000 (no keys) towards shard 1, then gives it up: no primary claims it any more.
    const [shard1, , shard3] = primaries;
    await setslot(shard3, 12000, 'migrating', shard1.id);
    await shard3.admin.call('cluster', 'delslots', '12000');
    expect(await markers()).toEqual(['', '', '12000>']);
    expect(await ownersSeen(12000)).toEqual([shard3.address, shard3.address, undefined]);

    // As valkey-cli: no owner, so the first primary with the most keys (0 each: shard 1) claims it
    // (DELSLOTS, ADDSLOTS, BUMPEPOCH), then the migrating node, with no key, is closed.
    expect(await repairOpenSlots(lab)).toEqual([{ slot: 12000, action: 'closed', owner: 1, keys: 0, claimedBy: 1 }]);
    // The others learn the new owner from its bumped epoch, by gossip.
    const deadline = Date.now() + 5_000;
    while ((await ownersSeen(12000)).some((owner) => owner !== shard1.address) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    await expectRepaired(12000, shard1, []);
    expect(repairEvents().at(-1)?.text).toBe(
      'Repaired open slot 12000, as valkey-cli --cluster fix does: no primary claimed it nor held its keys: shard 1, the first, claimed it (CLUSTER ADDSLOTS), then closed (STABLE): no key had moved, shard 1 still owns it',
    );
  });

  it('gives a slot nobody claims, open only on the primary that then claims it, to that primary', async () => {
    // Shard 1 opens 400 towards shard 2 and gives it up: claiming it (the first of three with no
    // key) closes it too, so nothing is left open. valkey-cli then prints "can't fix this slot yet"
    // about a slot it has just fixed; the lab says what it did.
    const [shard1, shard2] = primaries;
    await setslot(shard1, 400, 'migrating', shard2.id);
    await shard1.admin.call('cluster', 'delslots', '400');
    expect(await markers()).toEqual(['400>', '', '']);

    expect(await repairOpenSlots(lab)).toEqual([{ slot: 400, action: 'claimed', owner: 1, keys: 0, claimedBy: 1 }]);
    await expectRepaired(400, shard1, []);
    expect(repairEvents().at(-1)?.text).toBe(
      'Repaired open slot 400, as valkey-cli --cluster fix does: no primary claimed it nor held its keys: shard 1, the first, claimed it (CLUSTER ADDSLOTS)',
    );
  });
});

describe('POST /api/labs/cluster/repair', () => {
  it('repairs the open slots and answers with the topology, the repair on its timeline', async () => {
    const [shard1, shard2] = primaries;
    await setslot(shard2, 300, 'importing', shard1.id);
    const response = await repairRoute(learnerRequest('/api/labs/cluster/repair', cookie, {}));
    expect(response.status).toBe(200);
    const topology = (await response.json()) as LabTopology;
    expect(topology.events.at(-1)?.text).toBe(
      'Repaired open slot 300, as valkey-cli --cluster fix does: rolled back: 0 keys moved back to shard 1, which owns it, and slot 300 closed elsewhere',
    );
    await expectRepaired(300, shard1, []);

    const again = (await (
      await repairRoute(learnerRequest('/api/labs/cluster/repair', cookie, {}))
    ).json()) as LabTopology;
    expect(again.events.at(-1)?.text).toBe('Repair open slots: none is open, nothing to do');
  });
});
