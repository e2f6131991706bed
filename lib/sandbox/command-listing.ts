/**
 * Every command the sandbox knows, per engine, as the command reference page (/sandbox/commands)
 * lists it: runs on the server within the learner's keys, answered by the app within the learner's
 * keys (emulated), live, or refused, with the one sentence the console gives as the reason. Read
 * from the rules the console applies (command-table.ts for Valkey and Redis OSS, which share one
 * pipeline; memcached/protocol-commands.ts and refused-commands.ts for Memcached), so the page and
 * the console can never disagree. Server code: the page is a server component, and the Memcached
 * refusals must not reach a browser.
 */
import { SANDBOX_COMMANDS, type CommandTable } from './command-table';
import { refusalMessage } from './memcached/commands';
import { MEMCACHED_COMMANDS, type MemcachedCommandDoc } from './memcached/protocol-commands';
import { REFUSED_MEMCACHED_COMMANDS } from './memcached/refused-commands';

export type CommandStatus = 'runs' | 'emulated' | 'live' | 'refused';

export interface CommandListing {
  /** In upper case, as learners type it in the lessons; a subcommand after its container (`CLIENT CAPA`). */
  name: string;
  status: CommandStatus;
  /** For a refused command, the console's reason without the leading "ERR". */
  why?: string;
  /** For a live (pub/sub) command, what it reaches and its bounds. */
  bounds?: string;
}

export function commandListing(table: CommandTable = SANDBOX_COMMANDS): CommandListing[] {
  return Object.entries(table)
    .map(([lowerName, rule]): CommandListing => {
      const name = lowerName.toUpperCase();
      if (rule.action === 'refuse') return { name, status: 'refused', why: rule.message(name).replace(/^ERR /, '') };
      if (rule.action === 'live') return { name, status: 'live', bounds: rule.bounds };
      return { name, status: rule.action === 'emulate' ? 'emulated' : 'runs' };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The Valkey 8 commands and subcommands that redis-server 7.0, the Redis OSS engine's server, does
 * not have (they came with Redis 7.2 or Valkey 8; Redis 7.0 has none that Valkey 8 lacks).
 * command-listing.test.ts compares it with both servers' COMMAND LIST.
 */
export const NOT_IN_REDIS_7_0: readonly string[] = [
  'CLIENT CAPA',
  'CLIENT NO-TOUCH',
  'CLIENT SETINFO',
  'CLUSTER MYSHARDID',
  'CLUSTER SLOT-STATS',
  'SCRIPT SHOW',
  'WAITAOF',
];

/** What the rules do with a command or `CONTAINER SUB`, on either RESP engine (they share the table). */
function ruleListing(name: string, table: CommandTable): CommandListing {
  const [container = '', sub] = name.toLowerCase().split(' ');
  const rule = table[container];
  if (!rule) throw new Error(`${name} is not in the command table`);
  if (sub && rule.action === 'run' && rule.refusedSubcommands?.names.includes(sub))
    return {
      name,
      status: 'refused',
      why: `${name} is disabled in the Keyspace sandbox: ${rule.refusedSubcommands.why}`,
    };
  return { ...commandListing({ [container]: rule })[0]!, name };
}

/**
 * The Redis OSS engine's differences from the Valkey listing: the same rules apply to both, so its
 * listing is Valkey's, except that these commands do not exist on redis-server 7.0. Each says what
 * the sandbox does with it, on both engines: every one is refused before it reaches a server.
 */
export function redisDifferences(table: CommandTable = SANDBOX_COMMANDS): CommandListing[] {
  return NOT_IN_REDIS_7_0.map((name) => ruleListing(name, table));
}

export interface MemcachedCommandListing {
  /** As memcached spells it: lower case. */
  name: string;
  /** The arguments after the name (`key flags exptime bytes [noreply]`). */
  syntax: string;
  status: Exclude<CommandStatus, 'live'>;
  /** What it does (for an emulated command, what it does here). */
  summary: string;
  /** For a refused command, the console's words (`verbosity is refused in the sandbox: …`). */
  why?: string;
}

/** The Memcached commands the app answers itself, per learner, rather than memcached. */
const EMULATED_MEMCACHED = new Set(['flush_all', 'stats', 'help']);

/** Every Memcached command the sandbox knows: the ones it runs, then the ones it refuses, each group A–Z. */
export function memcachedCommandListing(): MemcachedCommandListing[] {
  const entry = (doc: MemcachedCommandDoc, status: MemcachedCommandListing['status']): MemcachedCommandListing => ({
    name: doc.name,
    syntax: doc.syntax,
    status,
    summary: doc.summary,
    ...(doc.refused ? { why: refusalMessage(doc.name, doc.refused) } : {}),
  });
  const byName = (a: MemcachedCommandListing, b: MemcachedCommandListing) => a.name.localeCompare(b.name);
  return [
    ...MEMCACHED_COMMANDS.map((doc) => entry(doc, EMULATED_MEMCACHED.has(doc.name) ? 'emulated' : 'runs')).sort(byName),
    ...REFUSED_MEMCACHED_COMMANDS.map((doc) => entry(doc, 'refused')).sort(byName),
  ];
}
