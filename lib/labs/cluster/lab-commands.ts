/**
 * What the cluster lab runs: the sandbox's table (lib/sandbox/command-table.ts) with the lab's
 * differences, and the argument checks no table can express (addresses, INFO sections). The
 * learner's keys are not prefixed here (the lab is theirs alone), so the sandbox's emulated
 * commands run as typed, on the lab's own nodes.
 *
 * Two layers, as in the sandbox: this policy, and the `learner` ACL user on every lab node, whose
 * commands are exactly the run rules of LAB_COMMANDS (labAclRule). CLUSTER MEET, CONFIG, DEBUG,
 * SHUTDOWN, MODULE and scripting are absent from that user, so the server refuses them even if this
 * policy had a hole. REPLICAOF, FAILOVER … TO, MIGRATE and CLUSTER SETSLOT name an address or a
 * node id: the ACL cannot see arguments, so the policy allows only the lab's own nodes
 * (refusedArguments), and MIGRATE is signed in by the app (withLabCredentials): the learner never
 * sees the lab's password, and may not type AUTH or AUTH2 into it.
 */
import {
  allowedCommandRules,
  extendCommandTable,
  SANDBOX_COMMANDS,
  type CommandRule,
} from '@/lib/sandbox/command-table';
import { run } from '@/lib/sandbox/command-rule-builders';

const labDisabled = (why: string): CommandRule => ({
  action: 'refuse',
  message: (name) => `ERR ${name} is disabled in the cluster lab: ${why}`,
});

const OUTSIDE = 'it talks to servers outside your lab.';
const ADMIN = 'the lab manages its nodes itself; use the lab buttons (failover, restart, reshard) instead.';

/** CLUSTER subcommands the learner may run; the others change the cluster's shape and are the lab's job. */
const CLUSTER_SUBCOMMANDS = {
  info: [2, 0, 0, 0],
  nodes: [2, 0, 0, 0],
  shards: [2, 0, 0, 0],
  slots: [2, 0, 0, 0],
  links: [2, 0, 0, 0],
  keyslot: [3, 0, 0, 0],
  countkeysinslot: [3, 0, 0, 0],
  getkeysinslot: [4, 0, 0, 0],
  myid: [2, 0, 0, 0],
  myshardid: [2, 0, 0, 0],
  replicas: [3, 0, 0, 0],
  slaves: [3, 0, 0, 0],
  failover: [-2, 0, 0, 0],
  replicate: [3, 0, 0, 0],
  // Moving a slot by hand, as valkey-cli --cluster reshard does; node ids are checked by refusedArguments.
  setslot: [-4, 0, 0, 0],
  help: [2, 0, 0, 0],
} as const;

/** CLUSTER subcommands that change the cluster's shape: the lab's buttons do that (refusedArguments). */
const CLUSTER_ADMIN_SUBCOMMANDS = [
  'meet',
  'forget',
  'addslots',
  'addslotsrange',
  'delslots',
  'delslotsrange',
  'flushslots',
  'reset',
  'saveconfig',
  'set-config-epoch',
  'bumpepoch',
  'count-failure-reports',
];

export const LAB_COMMANDS = extendCommandTable(SANDBOX_COMMANDS, {
  keys: run([2, 0, 0, 0], { scanOptions: 'pattern-argument' }),
  scan: run([-2, 0, 0, 0], { scanOptions: 'options-after-cursor' }),
  dbsize: run([1, 0, 0, 0]),
  flushdb: run([-1, 0, 0, 0]),
  flushall: run([-1, 0, 0, 0]),
  randomkey: run([1, 0, 0, 0]),
  info: run([-1, 0, 0, 0]),
  wait: run([3, 0, 0, 0]),
  role: run([1, 0, 0, 0]),
  readonly: run([1, 0, 0, 0]),
  readwrite: run([1, 0, 0, 0]),
  asking: run([1, 0, 0, 0]),
  failover: run([-1, 0, 0, 0]),
  replicaof: run([3, 0, 0, 0]),
  slaveof: run([3, 0, 0, 0]),
  cluster: run({ subcommands: CLUSTER_SUBCOMMANDS }),
  // Only to the lab's own nodes, signed in by the app (refusedArguments, withLabCredentials).
  migrate: run([-6, 0, 0, 0]),
  config: labDisabled('On ElastiCache you change settings through parameter groups, not CONFIG.'),
  debug: labDisabled('it can stall or crash the node.'),
  shutdown: labDisabled('stop a node with the lab\'s "kill primary" instead.'),
  module: labDisabled('modules are not part of the lab.'),
  sync: labDisabled(ADMIN),
  psync: labDisabled(ADMIN),
  replconf: labDisabled(ADMIN),
  acl: labDisabled('the lab signs you in itself.'),
  monitor: labDisabled('a request/reply console cannot hold a MONITOR stream.'),
});

/** INFO sections the lab shows; plain INFO shows all of them. */
export const LAB_INFO_SECTIONS = ['replication', 'keyspace', 'memory', 'stats', 'cluster'] as const;

/** The ACL rule line of the learner's user on every lab node: the lab's run rules, every key and channel. */
export function labAclRule(username: string, password: string): string {
  // SELECT and RESTORE-ASKING are what MIGRATE sends to the target node, signed in as this same
  // user; the policy refuses them typed (a cluster has database 0 only, and RESTORE takes raw payloads).
  const rules = [...allowedCommandRules(LAB_COMMANDS), '+select', '+restore-asking'];
  return `user ${username} on >${password} ~* &* -@all ${rules.join(' ')}`;
}

const lower = (arg: Buffer | undefined) => arg?.toString('latin1').toLowerCase() ?? '';

/** MIGRATE's options before its KEYS list (https://valkey.io/commands/migrate/): where AUTH and AUTH2 would be. */
function migrateOptions(args: readonly Buffer[]): string[] {
  const options = args.slice(6).map(lower);
  const keys = options.indexOf('keys');
  return keys < 0 ? options : options.slice(0, keys);
}

function refusedMigrate(args: readonly Buffer[], own: (host?: Buffer, port?: Buffer) => boolean, nodes: string) {
  if (!own(args[1], args[2])) return `ERR MIGRATE may only move keys to a node of your own lab (${nodes}): ${OUTSIDE}`;
  if (lower(args[4]) !== '0')
    return 'ERR MIGRATE in the cluster lab moves keys to database 0, the only one a cluster has.';
  if (migrateOptions(args).some((option) => option === 'auth' || option === 'auth2'))
    return 'ERR MIGRATE in the cluster lab is signed in by the lab itself: leave out AUTH and AUTH2.';
  return null;
}

function refusedSetslot(args: readonly Buffer[], ownNodeIds: readonly string[]): string | null {
  const state = lower(args[3]);
  if (!['importing', 'migrating', 'node', 'stable'].includes(state))
    return 'ERR CLUSTER SETSLOT in the cluster lab takes IMPORTING, MIGRATING or NODE with a node id, or STABLE.';
  if (state === 'stable') return null;
  const id = args[4]?.toString('latin1') ?? '';
  if (!ownNodeIds.includes(id))
    return `ERR CLUSTER SETSLOT ${state.toUpperCase()} may only name a node of your own lab: find their ids with CLUSTER NODES.`;
  return null;
}

/**
 * The refusal for a command line whose arguments leave the lab (REPLICAOF, FAILOVER TO or MIGRATE
 * to an address that is not one of `ownAddresses`, CLUSTER SETSLOT naming a node id not in
 * `ownNodeIds`, MIGRATE with the learner's own AUTH) or ask for an INFO section the lab does not
 * show; null when the line may run.
 */
export function refusedArguments(
  args: readonly Buffer[],
  ownAddresses: readonly string[],
  ownNodeIds: readonly string[] = [],
): string | null {
  const name = lower(args[0]);
  const own = (host: Buffer | undefined, port: Buffer | undefined) => {
    const address = `${host?.toString('latin1') ?? ''}:${port?.toString('latin1') ?? ''}`;
    return ownAddresses.includes(address.replace(/^localhost:/i, '127.0.0.1:'));
  };
  if (name === 'migrate') return refusedMigrate(args, own, ownAddresses.join(', '));
  if (name === 'cluster' && lower(args[1]) === 'setslot') return refusedSetslot(args, ownNodeIds);
  if (name === 'replicaof' || name === 'slaveof') {
    const noOne = lower(args[1]) === 'no' && lower(args[2]) === 'one';
    if (!noOne && !own(args[1], args[2]))
      return `ERR ${name.toUpperCase()} may only name a node of your own lab (${ownAddresses.join(', ')}): ${OUTSIDE}`;
  }
  if (name === 'failover') {
    const to = args.findIndex((arg, index) => index > 0 && lower(arg) === 'to');
    if (to > 0 && !own(args[to + 1], args[to + 2]))
      return `ERR FAILOVER TO may only name a node of your own lab (${ownAddresses.join(', ')}): ${OUTSIDE}`;
  }
  if (name === 'cluster' && CLUSTER_ADMIN_SUBCOMMANDS.includes(lower(args[1]))) {
    const sub = lower(args[1]).toUpperCase();
    return `ERR CLUSTER ${sub} is disabled in the cluster lab: ${sub === 'MEET' ? OUTSIDE : ADMIN}`;
  }
  if (name === 'info') {
    const refused = args.slice(1).find((arg) => !(LAB_INFO_SECTIONS as readonly string[]).includes(lower(arg)));
    if (refused)
      return `ERR INFO ${refused.toString('latin1')} is not shown in the cluster lab: ask for ${LAB_INFO_SECTIONS.join(', ')}.`;
  }
  return null;
}

/** Plain INFO asks for the lab's sections only (the server section names paths and process ids of the host). */
export function withLabInfoSections(args: readonly Buffer[]): readonly Buffer[] {
  if (lower(args[0]) !== 'info' || args.length > 1) return args;
  return [args[0] as Buffer, ...LAB_INFO_SECTIONS.map((section) => Buffer.from(section))];
}

/**
 * MIGRATE signed in on the target node as the learner's own lab user (AUTH2 before any KEYS list):
 * the learner never sees the lab's password, so the app adds it. Other lines are returned as they are.
 */
export function withLabCredentials(args: readonly Buffer[], username: string, password: string): readonly Buffer[] {
  if (lower(args[0]) !== 'migrate') return args;
  const keys = args.findIndex((arg, index) => index > 5 && lower(arg) === 'keys');
  const at = keys < 0 ? args.length : keys;
  const auth = [Buffer.from('AUTH2'), Buffer.from(username), Buffer.from(password)];
  return [...args.slice(0, at), ...auth, ...args.slice(at)];
}
