/**
 * How the sandbox finds a command's key arguments: by position, as `COMMAND INFO` describes them,
 * or for XREAD/XREADGROUP by parsing their options. Which command uses which is in the command
 * table (command-table.ts). Keys are found by position, never by value: mapping by value lets a
 * learner smuggle a prefix into a non-key argument (docs/reference/sandbox-security.md §3).
 */

/** Key positions [arity, firstKey, lastKey, step] as COMMAND INFO reports them (lastKey -1 is the last argument). */
export type KeySpec = readonly [arity: number, firstKey: number, lastKey: number, step: number];

/**
 * XREAD and XREADGROUP name their keys after STREAMS: half of what follows it (the other half are
 * ids). Found by walking the options the way the server parses them, not by searching values, so
 * a consumer or group called "STREAMS" cannot shift the keys.
 */
export function streamReaderKeyIndexes(name: 'xread' | 'xreadgroup', args: readonly Buffer[]): number[] {
  for (let i = 1; i < args.length; i++) {
    const token = args[i]!.toString('latin1').toLowerCase();
    if (token === 'group' && name === 'xreadgroup') i += 2;
    else if (token === 'count' || token === 'block') i += 1;
    else if (token === 'noack') continue;
    else if (token === 'streams') {
      const rest = args.length - i - 1;
      if (rest <= 0 || rest % 2 !== 0) return [];
      return Array.from({ length: rest / 2 }, (_, k) => i + 1 + k);
    } else return [];
  }
  return [];
}

/** Indexes of the key arguments in argv (argv[0] is the command name). */
export function keyPositions(spec: KeySpec, argc: number): number[] {
  const [, first, last, step] = spec;
  if (first === 0) return [];
  const end = last < 0 ? argc + last : Math.min(last, argc - 1);
  const positions: number[] = [];
  for (let index = first; index <= end; index += step) positions.push(index);
  return positions;
}

/**
 * numkeys as the server's COMMAND GETKEYS (so its ACL check) reads it: like C's atoi, with leading
 * spaces, a sign, leading zeros and trailing text allowed. Where the command itself is stricter
 * (`01`, `1x`) it then refuses the line before reading any key; the keys are prefixed all the same.
 */
function numkeysCount(arg: Buffer | undefined): number | null {
  const match = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(arg?.toString('latin1') ?? '');
  const count = match ? Number(match[1]) : 0;
  return count > 0 && Number.isSafeInteger(count) ? count : null;
}

/**
 * Keys of a numkeys form (ZUNION, ZINTERSTORE, SINTERCARD, LMPOP, BLMPOP…): `numkeys` at
 * `numkeysAt`, then that many keys, with an optional destination key before it (the STORE forms),
 * listed first. A numkeys the server would refuse yields no keys: the server then answers its own
 * error without reading any key, and the learner's ACL (`~sb:<id>:*`) stays the backstop.
 */
export function numkeysKeyIndexes(args: readonly Buffer[], numkeysAt: number, destinationAt?: number): number[] {
  const count = numkeysCount(args[numkeysAt]);
  if (count === null || numkeysAt + count >= args.length) return [];
  const keys = Array.from({ length: count }, (_, k) => numkeysAt + 1 + k);
  return destinationAt === undefined ? keys : [destinationAt, ...keys];
}

/**
 * COPY source destination [DB n] [REPLACE]: the destination is listed first, as for every other
 * command that writes a new key from sources (budget.ts and name-limits.ts read "first key is the
 * destination"); the server's COMMAND GETKEYS lists the same two keys, source first.
 */
export function copyKeyIndexes(args: readonly Buffer[]): number[] {
  return args.length >= 3 ? [2, 1] : [];
}

/**
 * GEORADIUS/GEORADIUSBYMEMBER: the key, and the key after every STORE and STOREDIST, listed first.
 * The server writes the last one, but its COMMAND GETKEYS (so its ACL check) names only the first
 * of each: every one takes the learner's prefix, so none can name a key outside their space.
 * Walked from the sixth argument (before it: key, centre, radius, unit).
 */
export function geoRadiusKeyIndexes(args: readonly Buffer[]): number[] {
  if (args.length < 2) return [];
  const stores: number[] = [];
  for (let i = 5; i < args.length; i++) {
    const token = args[i]!.toString('latin1').toLowerCase();
    if ((token === 'store' || token === 'storedist') && i + 1 < args.length) stores.push(++i);
  }
  return [...stores.reverse(), 1];
}

/** Where SORT's options are, walked exactly as sortCommand (sort.c) reads them. */
interface SortOptions {
  /** The key after the last STORE (never for SORT_RO, which has no STORE). */
  store: number | null;
  /** BY and GET patterns: key names with a `*` the server fills in, so they take the learner's prefix. */
  patterns: number[];
  /** GET arguments other than `#` (which is the element itself): each is one key lookup per element. */
  lookups: number;
}

export function sortOptions(args: readonly Buffer[], readonly: boolean): SortOptions {
  const options: SortOptions = { store: null, patterns: [], lookups: 0 };
  for (let j = 2; j < args.length; j++) {
    const token = args[j]!.toString('latin1').toLowerCase();
    const left = args.length - j - 1;
    if (token === 'asc' || token === 'desc' || token === 'alpha') continue;
    if (token === 'limit' && left >= 2) j += 2;
    else if (token === 'store' && !readonly && left >= 1) options.store = ++j;
    else if (token === 'by' && left >= 1) options.patterns.push(++j);
    else if (token === 'get' && left >= 1) {
      // `GET #` is the element itself; any other GET is a key name (a hash field after `->`).
      if (args[++j]!.toString('latin1') !== '#') {
        options.patterns.push(j);
        options.lookups++;
      }
    } else break; // a syntax error: the server answers it before reading any key
  }
  return options;
}

/** SORT's keys: the key it sorts and, with STORE, the destination, listed first. */
export function sortKeyIndexes(args: readonly Buffer[], readonly: boolean): number[] {
  if (args.length < 2) return [];
  const { store } = sortOptions(args, readonly);
  return store === null ? [1] : [store, 1];
}
