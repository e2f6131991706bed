/**
 * What the sandbox does with each Memcached command, by its exact name (memcached's command names
 * are case-sensitive: `SET` is an unknown command there, answered `ERROR`). One entry per command;
 * a refused command's reason is in refused-commands.ts, in the words the console shows.
 */
import { STORAGE_COMMANDS } from './entry';
import { REFUSED_MEMCACHED_COMMANDS } from './refused-commands';

export type MemcachedRule =
  /** set/add/replace/append/prepend/cas: header and data block checked by the app, then sent. */
  | { kind: 'storage' }
  /** get/gets (keys from token 1) and gat/gats (exptime, then keys from token 2). */
  | { kind: 'retrieval'; firstKey: number }
  /** incr/decr/delete/touch: one key at token 1. */
  | { kind: 'single-key' }
  | { kind: 'version' }
  /** Emulated per learner: stats (safe fields only) and flush_all (their own keys only). */
  | { kind: 'stats' }
  | { kind: 'flush_all' }
  /** The sandbox's own `help [command]` (memcached has none): lists or describes commands (help.ts). */
  | { kind: 'help' }
  | { kind: 'refused'; why: string };

const RULES: Record<string, MemcachedRule> = {
  ...Object.fromEntries([...STORAGE_COMMANDS].map((name) => [name, { kind: 'storage' } as const])),
  get: { kind: 'retrieval', firstKey: 1 },
  gets: { kind: 'retrieval', firstKey: 1 },
  gat: { kind: 'retrieval', firstKey: 2 },
  gats: { kind: 'retrieval', firstKey: 2 },
  incr: { kind: 'single-key' },
  decr: { kind: 'single-key' },
  delete: { kind: 'single-key' },
  touch: { kind: 'single-key' },
  version: { kind: 'version' },
  stats: { kind: 'stats' },
  flush_all: { kind: 'flush_all' },
  help: { kind: 'help' },
  // The refusals and their reasons live with the commands' docs, so `help` shows the same words.
  ...Object.fromEntries(
    REFUSED_MEMCACHED_COMMANDS.map((doc) => [doc.name, { kind: 'refused', why: doc.refused } as const]),
  ),
};

/** `stats <group>` groups that describe the whole server, each refused with its reason. */
const STATS_GROUP_WHY: Record<string, string> = {
  cachedump: "it lists every learner's keys",
  items: "it counts every learner's keys, slab class by slab class",
  slabs: "it describes the memory of every learner's keys",
  sizes: "it counts every learner's keys by size",
  detail: "it turns on or dumps per-prefix counters, and every learner's keys are prefixes",
  conns: 'it lists every connection to the server',
  settings: "it shows the server's configuration",
  reset: "it resets the server's counters for every learner",
  extstore: "it describes the server's external storage",
};

/** The rule for a command name, or null for one memcached does not know (it answers ERROR). */
export function memcachedRule(name: string): MemcachedRule | null {
  return Object.hasOwn(RULES, name) ? (RULES[name] as MemcachedRule) : null;
}

/** The `stats <group>` groups the sandbox refuses, for `help stats`. */
export const REFUSED_STATS_GROUPS: readonly string[] = Object.keys(STATS_GROUP_WHY);

/** Why `stats <group>` is refused, or null when memcached has no such group (it answers ERROR). */
export function statsGroupRefusal(group: string): string | null {
  return Object.hasOwn(STATS_GROUP_WHY, group) ? (STATS_GROUP_WHY[group] as string) : null;
}

/** The console's words for a refused command. */
export function refusalMessage(command: string, why: string): string {
  return `${command} is refused in the sandbox: ${why}.`;
}
