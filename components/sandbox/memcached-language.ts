/**
 * The Memcached console's own highlighting. Memcached's text protocol is not Valkey's: its command
 * names are lower case and exact (`SET` is an unknown command, answered `ERROR`), its arguments are
 * positional (`set key flags exptime bytes [noreply]`), and a storage header is followed by a data
 * block. So a word is coloured by its place in the command's syntax, read from the table the
 * console's `help` reads (memcached/protocol-commands.ts: small and client-safe; the refused
 * commands stay on the server, so they are shown as words the sandbox does not run). Pure, so
 * memcached-language.test.ts checks it without a browser; valkey-language.ts hands it to Monaco.
 */
import { storageHeaderLength, words } from '@/lib/sandbox/engine-commands';
import { MEMCACHED_COMMANDS } from '@/lib/sandbox/memcached/protocol-commands';

export type MemcachedWordKind = 'command' | 'unknown-command' | 'number' | 'noreply' | 'argument' | 'data';

export interface MemcachedSpan {
  start: number;
  end: number;
  kind: MemcachedWordKind;
}

/** Each command's argument names in order (`key`, `flags`…, `noreply`); the last repeats after `...`. */
interface ArgumentSlots {
  names: string[];
  repeatsLast: boolean;
}

const SLOTS: ReadonlyMap<string, ArgumentSlots> = new Map(
  MEMCACHED_COMMANDS.map((doc) => [
    doc.name,
    {
      names: doc.syntax
        .replace(/[[\]]/g, '')
        .split(' ')
        .filter((name) => name && name !== '...'),
      repeatsLast: doc.syntax.includes('...'),
    },
  ]),
);

const NUMBER = /^-?\d+$/;

function argumentKind(word: string, slot: string | undefined, slots: ArgumentSlots): MemcachedWordKind {
  if (word === 'noreply' && slots.names.includes('noreply')) return 'noreply';
  // A key may be all digits (`get 42`): it is still a key, not a number.
  if (slot === 'key') return 'argument';
  return NUMBER.test(word) ? 'number' : 'argument';
}

/** The words of one console line (a command, not a data block), each with how it is coloured. */
export function classifyMemcachedLine(line: string): MemcachedSpan[] {
  const spans = [...line.matchAll(/\S+/g)].map((match) => ({ text: match[0], start: match.index }));
  const slots = SLOTS.get(spans[0]?.text ?? '');
  const headerLength = storageHeaderLength(words(line));
  return spans.map(({ text, start }, index): MemcachedSpan => {
    const end = start + text.length;
    if (index === 0) return { start, end, kind: slots ? 'command' : 'unknown-command' };
    if (!slots) return { start, end, kind: NUMBER.test(text) ? 'number' : 'argument' };
    // `set k 0 60 5 hello`: the data block given after the header, on the same line.
    if (headerLength !== null && index >= headerLength) return { start, end, kind: 'data' };
    const slot = slots.names[index - 1] ?? (slots.repeatsLast ? slots.names.at(-1) : undefined);
    return { start, end, kind: argumentKind(text, slot, slots) };
  });
}
