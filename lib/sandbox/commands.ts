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
