/**
 * Memcached's text-protocol commands as memcached's doc/protocol.txt describes them, and what the
 * sandbox does with each: the one table behind the console's `help` (help.ts), its completion and
 * hover on the Memcached engine (engine-commands.ts MEMCACHED_REFERENCE) and the refusals
 * (commands.ts). No server code and no zod: it reaches the browser, so it stays small.
 */

export type MemcachedCommandGroup = 'storage' | 'retrieval' | 'arithmetic' | 'keys' | 'server' | 'sandbox';

export interface MemcachedCommandDoc {
  /** As memcached spells it: lower case (its command names are case-sensitive). */
  name: string;
  /** The arguments after the name, in the console's syntax style (`key [key ...]`). */
  syntax: string;
  /** One or two plain sentences; for an emulated command, what it does here. */
  summary: string;
  group: MemcachedCommandGroup;
  /** Why the sandbox refuses it (the console shows `<name> is refused in the sandbox: <why>.`); absent when it runs. */
  refused?: string;
}

const DATA_BLOCK = 'The data block follows on the next line (Shift+Enter), or after the header on one line.';
const storage = (name: string, summary: string, syntax = 'key flags exptime bytes [noreply]'): MemcachedCommandDoc => ({
  name,
  syntax,
  summary: `${summary} ${DATA_BLOCK}`,
  group: 'storage',
});
const META_WHY =
  'meta commands are not supported in the sandbox: their flags can name keys in base64, which the sandbox cannot give your prefix, and me dumps item internals. Use get, set, delete, incr and touch';
const meta = (name: string, syntax: string, summary: string): MemcachedCommandDoc => ({
  name,
  syntax,
  summary,
  group: 'retrieval',
  refused: META_WHY,
});

export const MEMCACHED_COMMANDS: readonly MemcachedCommandDoc[] = [
  storage('set', 'Stores the data block under the key, whatever was there.'),
  storage('add', 'Stores the data block only if the key does not exist (NOT_STORED otherwise).'),
  storage('replace', 'Stores the data block only if the key already exists (NOT_STORED otherwise).'),
  storage('append', 'Adds the data block after the existing value (flags and exptime are ignored).'),
  storage('prepend', 'Adds the data block before the existing value (flags and exptime are ignored).'),
  storage(
    'cas',
    'Check and set: stores the data block only if the item is unchanged since your gets read it (its cas unique). EXISTS means someone wrote it in between; read again and retry.',
    'key flags exptime bytes cas_unique [noreply]',
  ),
  {
    name: 'get',
    syntax: 'key [key ...]',
    summary: 'Reads one or more keys: VALUE key flags bytes, the data, then END.',
    group: 'retrieval',
  },
  {
    name: 'gets',
    syntax: 'key [key ...]',
    summary: "Like get, and also prints each item's cas unique, for a later cas.",
    group: 'retrieval',
  },
  {
    name: 'gat',
    syntax: 'exptime key [key ...]',
    summary: 'Get and touch: reads keys and sets their expiry time.',
    group: 'retrieval',
  },
  {
    name: 'gats',
    syntax: 'exptime key [key ...]',
    summary: "Like gat, and also prints each item's cas unique.",
    group: 'retrieval',
  },
  {
    name: 'incr',
    syntax: 'key value [noreply]',
    summary:
      'Adds to a decimal number stored as text (64-bit, wrapping); answers the new value, or NOT_FOUND (it never creates the key).',
    group: 'arithmetic',
  },
  {
    name: 'decr',
    syntax: 'key value [noreply]',
    summary: 'Subtracts from a decimal number stored as text, stopping at 0; NOT_FOUND if the key does not exist.',
    group: 'arithmetic',
  },
  { name: 'delete', syntax: 'key [noreply]', summary: 'Deletes the key: DELETED or NOT_FOUND.', group: 'keys' },
  {
    name: 'touch',
    syntax: 'key exptime [noreply]',
    summary: 'Sets a new expiry time without reading the value: TOUCHED or NOT_FOUND.',
    group: 'keys',
  },
  {
    name: 'flush_all',
    syntax: '[delay] [noreply]',
    summary:
      'Invalidates every item, now or in delay seconds (then every item stored before that moment). Here, only your own keys.',
    group: 'server',
  },
  {
    name: 'stats',
    syntax: '',
    summary: "Server statistics. Here: the server's uptime, time and version, and your own item count and bytes.",
    group: 'server',
  },
  { name: 'version', syntax: '', summary: "The server's version: VERSION 1.6.x.", group: 'server' },
  {
    name: 'help',
    syntax: '[command]',
    summary: "The sandbox's own (memcached answers ERROR to it): lists these commands, or describes one.",
    group: 'sandbox',
  },
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

/** The entry for a command name (exact: `GET` is not memcached's `get`), or undefined. */
export function memcachedCommandDoc(name: string): MemcachedCommandDoc | undefined {
  return MEMCACHED_COMMANDS.find((doc) => doc.name === name);
}
