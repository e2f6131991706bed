/**
 * Caps on what a glob match costs the shared server. Valkey's stringmatchlen() retries the rest of
 * a pattern after a `*` at every position of the name, so one MATCH costs about
 * pattern length × name length per element it visits (review-security.md H2a). So the sandbox
 * caps all three: the pattern (length and `*` count, for KEYS and every MATCH of every *SCAN, as
 * the server keeps the last MATCH), the names it is matched against (keys, hash fields, set and
 * sorted-set members, when they are written), and the elements one *SCAN call visits (COUNT).
 * Also here: repeated source keys of set algebra and BITOP, which the server walks once per mention.
 */
import { keyLocator, type RunRule, type ScanOptions, type StoredNames } from './command-table';
import { MAX_PATTERN_WILDCARDS, type SandboxLimits } from './limits';

const lower = (arg: Buffer | undefined): string => arg?.toString('latin1').toLowerCase() ?? '';

function patternError(pattern: Buffer | undefined, limits: SandboxLimits): string | null {
  if (!pattern) return null;
  if (pattern.length > limits.maxPatternBytes) {
    return `ERR pattern too long for the sandbox: a MATCH or KEYS pattern may have at most ${limits.maxPatternBytes} bytes.`;
  }
  const wildcards = pattern.reduce((count, byte) => count + (byte === 0x2a ? 1 : 0), 0);
  if (wildcards > MAX_PATTERN_WILDCARDS) {
    return `ERR pattern too complex for the sandbox: a MATCH or KEYS pattern may have at most ${MAX_PATTERN_WILDCARDS} '*'.`;
  }
  return null;
}

/**
 * Every MATCH pattern and (for HSCAN/SSCAN/ZSCAN) every COUNT of a command: the server keeps the
 * last of each, so checking only the first would let `MATCH x MATCH <long>` through. Any argument
 * after a MATCH or COUNT token is checked, even one that is itself a value: a superset of what
 * the server reads.
 */
export function checkScanOptions(
  name: string,
  where: ScanOptions,
  args: readonly Buffer[],
  limits: SandboxLimits,
): string | null {
  if (where === 'pattern-argument') return patternError(args[1], limits);
  const start = where === 'options-after-cursor' ? 2 : 3;
  for (let i = start; i < args.length; i++) {
    const token = lower(args[i]);
    if (token === 'match') {
      const error = patternError(args[i + 1], limits);
      if (error) return error;
    } else if (token === 'count' && where === 'options-after-key-and-cursor') {
      const count = Number(args[i + 1]?.toString('latin1'));
      if (Number.isFinite(count) && count > limits.maxScanCount) {
        return `ERR COUNT too large for the sandbox: ${name.toUpperCase()} allows at most ${limits.maxScanCount}.`;
      }
    }
  }
  return null;
}

/** Index of the first argument after the leading flags (ZADD's NX/XX/GT/LT/CH/INCR, GEOADD's NX/XX/CH). */
function afterFlags(args: readonly Buffer[], flags: readonly string[]): number {
  let i = 2;
  while (i < args.length && flags.includes(lower(args[i]))) i++;
  return i;
}

function every(from: number, step: number, length: number): number[] {
  const positions: number[] = [];
  for (let i = from; i < length; i += step) positions.push(i);
  return positions;
}

/** Where a command names the fields or members it stores. */
function storedNameIndexes(where: StoredNames, args: readonly Buffer[]): number[] {
  switch (where) {
    case 'every-argument':
      return every(2, 1, args.length);
    case 'field-value-pairs':
      return every(2, 2, args.length);
    case 'field':
      return [2];
    case 'zincrby-member':
      return [3];
    case 'zadd-members':
      return every(afterFlags(args, ['nx', 'xx', 'gt', 'lt', 'ch', 'incr']) + 1, 2, args.length);
    case 'geoadd-members':
      return every(afterFlags(args, ['nx', 'xx', 'ch']) + 2, 3, args.length);
  }
}

/** Key names, and the field and member names a command stores, are capped at maxNameBytes. */
export function checkNames(rule: RunRule, args: readonly Buffer[], limits: SandboxLimits): string | null {
  const max = limits.maxNameBytes;
  const named = [...keyLocator(rule, args)(args), ...(rule.patterns?.(args) ?? [])]; // a SORT pattern names keys
  if (named.some((index) => (args[index]?.length ?? 0) > max)) {
    return `ERR key name too long for the sandbox: at most ${max} bytes.`;
  }
  if (rule.storedNames && storedNameIndexes(rule.storedNames, args).some((index) => (args[index]?.length ?? 0) > max)) {
    return `ERR name too long for the sandbox: hash fields and set or sorted-set members may have at most ${max} bytes.`;
  }
  return null;
}

/** The source keys of a command (its keys, less a leading destination where it has one). */
export function sourceKeyIndexes(
  rule: RunRule,
  args: readonly Buffer[],
  sources: RunRule['distinctSources'] | 'last-key' = rule.distinctSources,
): number[] {
  const keys = keyLocator(rule, args)(args);
  if (sources === 'last-key') return keys.slice(-1);
  return sources === 'after-destination' ? keys.slice(1) : keys;
}

/** `SUNIONSTORE d s s s …` walks s once per mention, so repeated sources are refused rather than deduplicated (SDIFF s s is not SDIFF s). */
export function checkDistinctSources(name: string, rule: RunRule, args: readonly Buffer[]): string | null {
  const seen = new Set<string>();
  for (const index of sourceKeyIndexes(rule, args)) {
    const key = args[index]!.toString('latin1');
    if (seen.has(key)) {
      return `ERR ${name.toUpperCase()} names a source key more than once: the sandbox refuses repeated source keys. Name each key once.`;
    }
    seen.add(key);
  }
  return null;
}
