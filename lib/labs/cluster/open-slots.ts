/**
 * Slots left half moved (a learner's CLUSTER SETSLOT … MIGRATING/IMPORTING without the SETSLOT
 * NODE that ends a move), found and repaired the way `valkey-cli --cluster fix` does
 * (clusterManagerFixOpenSlot in src/valkey-cli.c): each primary's own CLUSTER NODES line shows
 * `[slot->-id]` (migrating) and `[slot-<-id]` (importing); the slot's owner is the one primary that
 * claims it or holds keys in it; then
 * - one migrating and one importing node: finish the move (MIGRATE the rest, SETSLOT NODE everywhere);
 * - importing nodes only: move their keys back to the owner, close them (STABLE), SETSLOT NODE owner;
 * - one migrating and several importing nodes without keys: finish towards the one it names, close the others;
 * - one migrating node only, the owner or without keys: close it (STABLE);
 * - nothing left open once a slot nobody claimed was claimed: done (valkey-cli says it cannot fix it).
 * Anything else valkey-cli leaves to a person, and so does the lab (an error naming the slot).
 */
import type Redis from 'ioredis';
import { AppError } from '@/lib/errors';
import { ADMIN_USER } from '@/lib/servers/local-server';
import { parseClusterNodes } from './cluster-nodes';
import type { Lab } from './lab';
import { adminAt } from './shard-probe';

/** A primary as it sees itself: the slots it owns and the ones it has open. */
interface PrimarySelf {
  id: string;
  address: string;
  admin: Redis;
  owns: (slot: number) => boolean;
  /** slot → the node id it is migrating to / importing from. */
  migrating: Map<number, string>;
  importing: Map<number, string>;
}

/** What was done to one open slot, for the timeline and the caller. */
export interface RepairedSlot {
  slot: number;
  action: 'finished' | 'rolled-back' | 'closed' | 'claimed';
  /** The shard that owns the slot afterwards. */
  owner: number;
  keys: number;
  /** The shard that claimed the slot first, when no primary claimed it nor held keys in it. */
  claimedBy?: number;
}

const OPEN_MARKER = /^\[(\d+)-([<>])-([0-9a-f]+)\]$/;

/** The open-slot markers of a CLUSTER NODES line (`[slot->-id]` migrating, `[slot-<-id]` importing). */
export function openSlotMarkers(line: string): { migrating: Map<number, string>; importing: Map<number, string> } {
  const migrating = new Map<number, string>();
  const importing = new Map<number, string>();
  for (const field of line.trim().split(' ').slice(8)) {
    const match = OPEN_MARKER.exec(field);
    if (match) (match[2] === '>' ? migrating : importing).set(Number(match[1]), match[3] as string);
  }
  return { migrating, importing };
}

async function primariesAsTheySeeThemselves(lab: Lab): Promise<PrimarySelf[]> {
  const selves = await Promise.all(
    lab.nodes.map(async (node): Promise<PrimarySelf | null> => {
      const admin = adminAt(lab, node.address);
      if (!admin) return null;
      const text = String(await admin.call('cluster', 'nodes'));
      const line = text.split('\n').find((each) => each.split(' ')[2]?.split(',').includes('myself'));
      const [self] = line ? parseClusterNodes(line) : [];
      if (!line || !self?.flags.includes('master')) return null;
      const owns = (slot: number) => self.slots.some(([first, last]) => first <= slot && slot <= last);
      return { id: self.id, address: node.address, admin, owns, ...openSlotMarkers(line) };
    }),
  );
  return selves.filter((self): self is PrimarySelf => self !== null);
}

const countKeys = async (node: PrimarySelf, slot: number) =>
  Number(await node.admin.call('cluster', 'countkeysinslot', String(slot)));

/** MIGRATEs every key of the slot from one primary to another (100 at a time, signed in); returns how many. */
async function migrateAll(lab: Lab, from: PrimarySelf, to: PrimarySelf, slot: number): Promise<number> {
  const port = to.address.split(':')[1] as string;
  let moved = 0;
  for (;;) {
    const keys = (await from.admin.call('cluster', 'getkeysinslot', String(slot), '100')) as string[];
    if (keys.length === 0) return moved;
    await from.admin.call(
      'migrate',
      '127.0.0.1',
      port,
      '',
      '0',
      '5000',
      'auth2',
      ADMIN_USER,
      lab.password,
      'keys',
      ...keys,
    );
    moved += keys.length;
  }
}

const shardOf = (lab: Lab, node: PrimarySelf) => lab.shardOfNode.get(node.id) ?? 0;

const setslot = (node: PrimarySelf, slot: number, ...state: string[]) =>
  node.admin.call('cluster', 'setslot', String(slot), ...state);

/** SETSLOT NODE on every primary, the new owner first (valkey-cli's order: the slot is never nobody's). */
async function assignEverywhere(primaries: readonly PrimarySelf[], owner: PrimarySelf, slot: number): Promise<void> {
  await setslot(owner, slot, 'node', owner.id);
  // A node may already have learnt it from the owner; "only with primaries" if it just lost its last slot.
  await Promise.all(
    primaries
      .filter((node) => node !== owner)
      .map((node) => setslot(node, slot, 'node', owner.id).catch(() => undefined)),
  );
}

/** valkey-cli's clusterManagerMoveSlot: open the slot on both, migrate the rest, assign it everywhere. */
async function finishMove(
  lab: Lab,
  primaries: readonly PrimarySelf[],
  from: PrimarySelf,
  to: PrimarySelf,
  slot: number,
) {
  await setslot(to, slot, 'importing', from.id);
  await setslot(from, slot, 'migrating', to.id);
  const keys = await migrateAll(lab, from, to, slot);
  await assignEverywhere(primaries, to, slot);
  return keys;
}

/** valkey-cli's clusterManagerSetSlotOwner: the node claims the slot (DELSLOTS, ADDSLOTS) with a new epoch, in one MULTI. */
async function claimSlot(node: PrimarySelf, slot: number): Promise<void> {
  await node.admin
    .multi()
    .call('cluster', 'delslots', String(slot))
    .call('cluster', 'addslots', String(slot))
    .call('cluster', 'bumpepoch')
    .exec();
}

async function repairSlot(lab: Lab, primaries: PrimarySelf[], slot: number): Promise<RepairedSlot> {
  const counts = new Map(
    await Promise.all(primaries.map(async (node) => [node, await countKeys(node, slot)] as const)),
  );
  const keysOn = (node: PrimarySelf) => counts.get(node) ?? 0;
  // Owners: the primaries that claim the slot or hold keys in it; with exactly one, it is the owner.
  const owners = primaries.filter((node) => node.owns(slot) || keysOn(node) > 0);
  let owner = owners.length === 1 ? (owners[0] as PrimarySelf) : null;
  const migrating = primaries.filter((node) => node.migrating.has(slot));
  const importing = primaries.filter(
    (node) => !node.migrating.has(slot) && (node.importing.has(slot) || (node !== owner && keysOn(node) > 0)),
  );
  const drop = (list: PrimarySelf[], node: PrimarySelf) => list.includes(node) && list.splice(list.indexOf(node), 1);
  let claimedBy: number | undefined;
  if (!owner) {
    // No single owner: the primary with the most keys in the slot (the first on a tie) claims it.
    owner = primaries.reduce((best, node) => (keysOn(node) > keysOn(best) ? node : best), primaries[0] as PrimarySelf);
    await setslot(owner, slot, 'stable');
    await claimSlot(owner, slot);
    drop(migrating, owner);
    drop(importing, owner);
    if (owners.length === 0) claimedBy = shardOf(lab, owner);
  }
  // Every other claimant gives the slot up and imports it from the owner, to be emptied below.
  for (const node of owners.filter((each) => each !== owner)) {
    await node.admin.call('cluster', 'delslots', String(slot)).catch(() => undefined); // "already unassigned"
    await setslot(node, slot, 'node', owner.id);
    await setslot(node, slot, 'importing', owner.id);
    drop(importing, node);
    importing.push(node);
    drop(migrating, node);
  }
  // A slot nobody claimed, open only on the primary that now claims it (SETSLOT STABLE above):
  // nothing is left open. valkey-cli ends this case with "can't fix this slot yet" about the slot it
  // has just fixed; the lab says what it did instead of asking the learner to close a closed slot.
  if (claimedBy !== undefined && migrating.length === 0 && importing.length === 0)
    return { slot, action: 'claimed', owner: claimedBy, keys: 0, claimedBy };
  const repaired = await repairOwnedSlot(lab, primaries, slot, { owner, migrating, importing, keysOn });
  return claimedBy === undefined ? repaired : { ...repaired, claimedBy };
}

/** An open slot with one owner, the other claimants importing it from the owner. */
interface OwnedOpenSlot {
  owner: PrimarySelf;
  migrating: PrimarySelf[];
  importing: PrimarySelf[];
  keysOn: (node: PrimarySelf) => number;
}

/** valkey-cli's four cases. */
async function repairOwnedSlot(
  lab: Lab,
  primaries: readonly PrimarySelf[],
  slot: number,
  { owner, migrating, importing, keysOn }: OwnedOpenSlot,
): Promise<RepairedSlot> {
  const shard = (node: PrimarySelf) => shardOf(lab, node);
  const cannot = (why: string) =>
    new AppError(
      'bad_request',
      `Slot ${slot} is open in a way valkey-cli --cluster fix will not guess at either (${why}): close it by hand with CLUSTER SETSLOT ${slot} STABLE or NODE <id> on each primary.`,
    );

  if (migrating.length === 1 && importing.length === 1) {
    const [from, to] = [migrating[0] as PrimarySelf, importing[0] as PrimarySelf];
    return { slot, action: 'finished', owner: shard(to), keys: await finishMove(lab, primaries, from, to, slot) };
  }
  if (migrating.length === 0 && importing.length > 0) {
    let keys = 0;
    for (const node of importing.filter((each) => each !== owner)) {
      keys += await migrateAll(lab, node, owner, slot);
      await setslot(node, slot, 'stable');
    }
    await Promise.all(primaries.filter((node) => node !== owner).map((node) => setslot(node, slot, 'node', owner.id)));
    return { slot, action: 'rolled-back', owner: shard(owner), keys };
  }
  if (migrating.length === 1 && importing.length > 1) {
    const from = migrating[0] as PrimarySelf;
    if (importing.some((node) => keysOn(node) > 0)) throw cannot('several importing nodes hold its keys');
    const to = importing.find((node) => node.id === from.migrating.get(slot));
    if (to) {
      const keys = await finishMove(lab, primaries, from, to, slot);
      await Promise.all(importing.filter((node) => node !== to).map((node) => setslot(node, slot, 'stable')));
      return { slot, action: 'finished', owner: shard(to), keys };
    }
    await Promise.all([from, ...importing].map((node) => setslot(node, slot, 'stable')));
    return { slot, action: 'closed', owner: shard(owner), keys: 0 };
  }
  const only = migrating[0];
  if (migrating.length === 1 && importing.length === 0 && only && (only === owner || keysOn(only) === 0)) {
    await setslot(only, slot, 'stable');
    return { slot, action: 'closed', owner: shard(owner), keys: 0 };
  }
  throw cannot(`${migrating.length} migrating and ${importing.length} importing primaries`);
}

const plural = (keys: number) => `${keys} ${keys === 1 ? 'key' : 'keys'}`;

const claim = (shard: number) =>
  `no primary claimed it nor held its keys: shard ${shard}, the first, claimed it (CLUSTER ADDSLOTS)`;

const DESCRIBE: Record<RepairedSlot['action'], (repair: RepairedSlot) => string> = {
  finished: ({ owner, keys }) => `finished its move to shard ${owner} (${plural(keys)} moved)`,
  'rolled-back': ({ slot, owner, keys }) =>
    `rolled back: ${plural(keys)} moved back to shard ${owner}, which owns it, and slot ${slot} closed elsewhere`,
  closed: ({ owner }) => `closed (STABLE): no key had moved, shard ${owner} still owns it`,
  claimed: ({ owner }) => claim(owner),
};

/** What was done, the claim first when no primary claimed the slot (then one of the other cases). */
const describe = (repair: RepairedSlot) =>
  repair.claimedBy === undefined || repair.action === 'claimed'
    ? DESCRIBE[repair.action](repair)
    : `${claim(repair.claimedBy)}, then ${DESCRIBE[repair.action](repair)}`;

/**
 * Finds the lab's open slots and repairs each as `valkey-cli --cluster fix` would, one timeline
 * event per slot; an AppError (400) for a slot valkey-cli would not fix either.
 */
export async function repairOpenSlots(lab: Lab): Promise<RepairedSlot[]> {
  const primaries = await primariesAsTheySeeThemselves(lab);
  const open = [...new Set(primaries.flatMap((node) => [...node.migrating.keys(), ...node.importing.keys()]))];
  const repaired: RepairedSlot[] = [];
  for (const slot of open.sort((a, b) => a - b)) {
    const repair = await repairSlot(lab, primaries, slot);
    repaired.push(repair);
    lab.timeline.record(`Repaired open slot ${slot}, as valkey-cli --cluster fix does: ${describe(repair)}`, {
      kind: 'slot-repaired',
      slot,
      shard: repair.owner,
      progress: { slots: 1, keys: repair.keys },
    });
  }
  return repaired;
}
