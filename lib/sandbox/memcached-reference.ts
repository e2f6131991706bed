/**
 * Memcached's command reference for the console's completion and hover, and the content checker's
 * check of a Memcached command. Kept out of engine-commands.ts so that no page downloads it before a
 * console on the Memcached engine wants it (components/sandbox/command-reference.ts imports it on
 * demand; the Monaco editor, itself loaded on demand, imports it directly).
 */
import type { CommandReference } from './command-docs';
import { storageHeaderLength, words } from './engine-commands';
import { MEMCACHED_COMMANDS } from './memcached/protocol-commands';

/**
 * Memcached's commands the sandbox runs (memcached/protocol-commands.ts, the table `help` reads too;
 * the refused ones stay on the server), in the shape of the Valkey reference so the same completion
 * and hover code reads both. Keys are upper-case like Valkey's (completion matches what is typed in
 * any case); labels are lowered for display by `engineSuggestions`.
 */
export const MEMCACHED_REFERENCE: CommandReference = Object.fromEntries(
  MEMCACHED_COMMANDS.map((doc) => [
    doc.name.toUpperCase(),
    {
      summary: doc.summary,
      group: doc.group,
      syntax: doc.syntax,
      tokens: doc.syntax.includes('[noreply]') ? [{ token: 'NOREPLY' }] : [],
    },
  ]),
);

/**
 * Why a Memcached command (as a <Run> or a challenge solution step holds it, header and data
 * joined by a newline) cannot be run in the sandbox, or null. The server has the last word; this
 * catches an author's slip (an unknown or upper-case command, a data block of the wrong length)
 * before any server is started.
 */
export function memcachedCommandProblem(command: string): string | null {
  const [header = '', ...rest] = command.split('\n');
  const parts = words(header);
  const name = parts[0];
  if (!name) return 'is empty';
  if (!Object.hasOwn(MEMCACHED_REFERENCE, name.toUpperCase()))
    return `is not a Memcached command the sandbox runs (${Object.keys(MEMCACHED_REFERENCE)
      .map((each) => each.toLowerCase())
      .join(', ')})`;
  if (name !== name.toLowerCase())
    return `must be written in lower case (${name.toLowerCase()}): Memcached answers ERROR to ${name}`;
  const headerLength = storageHeaderLength(parts);
  if (headerLength === null)
    return rest.length > 0 ? 'holds more than one line, but only a storage command takes a data block' : null;
  const bytes = Number(parts[4]);
  if (parts.length < (name === 'cas' ? 6 : 5) || !Number.isInteger(bytes) || bytes < 0)
    return `needs a header such as "${name} key 0 60 3${name === 'cas' ? ' <cas unique>' : ''}" (flags, exptime, bytes)`;
  const data = rest.length > 0 ? rest.join('\n') : parts.slice(headerLength).join(' ');
  if (rest.length === 0 && parts.length === headerLength)
    return `has no data block: give the ${bytes} bytes after the header`;
  const length = new TextEncoder().encode(data).length;
  if (length !== bytes) return `declares ${bytes} bytes but its data block "${data}" has ${length}`;
  return null;
}
