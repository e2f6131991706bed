/**
 * The Memcached commands the sandbox refuses, documented like the ones it runs
 * (protocol-commands.ts) and with the reason the console gives: read by the refusals (commands.ts)
 * and `help` (help.ts) on the server only, so none of it is in a page's JavaScript.
 */
import { MEMCACHED_COMMANDS, type MemcachedCommandDoc } from './protocol-commands';

const META_WHY =
  'meta commands are not supported in the sandbox: their flags can name keys in base64, which the sandbox cannot give your prefix, and me dumps item internals. Use get, set, delete, incr and touch';
const meta = (name: string, syntax: string, summary: string): RefusedCommandDoc => ({
  name,
  syntax,
  summary,
  group: 'retrieval',
  refused: META_WHY,
});

export type RefusedCommandDoc = MemcachedCommandDoc & { refused: string };

export const REFUSED_MEMCACHED_COMMANDS: readonly RefusedCommandDoc[] = [
  {
    name: 'verbosity',
    syntax: 'level [noreply]',
    summary: "Sets the server's logging level.",
    group: 'server',
    refused: "it sets the server's logging for every learner",
  },
  {
    name: 'quit',
    syntax: '',
    summary: 'Closes the connection.',
    group: 'server',
    refused: 'the app keeps one connection to memcached for all learners: there is nothing of yours to close',
  },
  {
    name: 'shutdown',
    syntax: '[graceful]',
    summary: 'Stops the server (when it was started with -A).',
    group: 'server',
    refused: 'it would stop the server for every learner',
  },
  {
    name: 'lru_crawler',
    syntax: 'crawl|metadump|enable|disable|… [arguments]',
    summary: 'Controls the background LRU crawler, which reclaims expired items and can dump every key.',
    group: 'server',
    refused: "its metadump lists every learner's keys, and a crawl works on the whole server",
  },
  {
    name: 'slabs',
    syntax: 'reassign|automove [arguments]',
    summary: 'Moves memory pages between slab classes, by hand or automatically.',
    group: 'server',
    refused: "it moves memory between slab classes of the whole server, every learner's keys included",
  },
  {
    name: 'lru',
    syntax: 'tune|mode|temp_ttl [arguments]',
    summary: 'Tunes the segmented LRU (hot, warm and cold queues).',
    group: 'server',
    refused: 'it tunes the LRU of the whole server',
  },
  {
    name: 'watch',
    syntax: '[fetchers] [mutations] [evictions] …',
    summary: 'Streams log lines of what the server does: fetches, writes, evictions.',
    group: 'server',
    refused: "it streams every learner's commands and keys",
  },
  {
    name: 'cache_memlimit',
    syntax: 'megabytes [noreply]',
    summary: "Changes the server's memory limit while it runs.",
    group: 'server',
    refused: "it changes the whole server's memory",
  },
  {
    name: 'misbehave',
    syntax: '',
    summary: "Debug builds: tests the server's security restrictions.",
    group: 'server',
    refused: 'it is a debugging command that changes the server for everyone',
  },
  {
    name: 'debugtime',
    syntax: 'seconds',
    summary: "Debug builds: moves the server's clock.",
    group: 'server',
    refused: "it is a debugging command that moves the server's clock for everyone",
  },
  {
    name: 'extstore',
    syntax: 'arguments',
    summary: 'Tunes external (flash) storage.',
    group: 'server',
    refused: "it configures the server's external storage",
  },
  {
    name: 'refresh_certs',
    syntax: '',
    summary: 'Reloads the TLS certificates.',
    group: 'server',
    refused: "it reloads the server's TLS certificates",
  },
  meta('mg', 'key [flags]', 'Meta get: reads an item; its flags choose what comes back (value, TTL, size, cas…).'),
  meta('ms', 'key datalen [flags]', 'Meta set: stores the data block that follows, with flags for mode, TTL, cas…'),
  meta('md', 'key [flags]', 'Meta delete: deletes or invalidates an item.'),
  meta('ma', 'key [flags]', 'Meta arithmetic: incr or decr, optionally creating the item.'),
  meta('mn', '', 'Meta no-op: answers MN, marking the end of a pipeline of meta commands.'),
  meta('me', 'key', "Meta debug: prints an item's internals."),
];

/** The entry for a command name, run or refused (exact: `GET` is not memcached's `get`), or undefined. */
export function memcachedCommandDoc(name: string): MemcachedCommandDoc | undefined {
  return [...MEMCACHED_COMMANDS, ...REFUSED_MEMCACHED_COMMANDS].find((doc) => doc.name === name);
}
