/**
 * Memcached's text-protocol commands as memcached's doc/protocol.txt describes them: the table
 * behind the console's `help` (help.ts) and its completion and hover on the Memcached engine
 * (engine-commands.ts MEMCACHED_REFERENCE). This file holds the commands the sandbox runs and
 * reaches the browser, so it stays small (no server code, no zod); the refused ones, with why,
 * are in refused-commands.ts, which only the server reads.
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
/** The commands the sandbox runs (sent, or emulated per learner as the summary says). */
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
];
