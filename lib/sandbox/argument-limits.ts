/**
 * Arguments that would make the server allocate or wait far more than a lesson needs: huge
 * offsets (SETRANGE/SETBIT/BITFIELD), huge random counts, blocking timeouts of "forever".
 * Each refusal names the limit and what to do instead. Which command has which limit is in the
 * command table (command-table.ts); how each limit is checked is here.
 */
import { checkNames, checkScanOptions, checkDistinctSources } from './name-limits';
import {
  commandRule,
  runRule,
  SANDBOX_COMMANDS,
  type ArgumentLimit,
  type BlockingTimeout,
  type CommandTable,
} from './command-table';
import { sortOptions } from './commands';
import type { SandboxLimits } from './limits';

function integer(arg: Buffer | undefined): number | null {
  if (!arg) return null;
  const text = arg.toString('latin1');
  return /^-?\d+$/.test(text) ? Number(text) : null;
}

function bitfieldOffsetsTooLarge(args: readonly Buffer[], maxBits: number): boolean {
  for (let i = 2; i < args.length; i++) {
    const op = args[i]!.toString('latin1').toLowerCase();
    if (op !== 'get' && op !== 'set' && op !== 'incrby') continue;
    const type = args[i + 1]?.toString('latin1') ?? '';
    const width = Number(type.slice(1)) || 0;
    const offsetText = args[i + 2]?.toString('latin1') ?? '';
    const offset = offsetText.startsWith('#') ? Number(offsetText.slice(1)) * width : Number(offsetText);
    if (Number.isFinite(offset) && offset + width > maxBits) return true;
  }
  return false;
}

type LimitCheck = (name: string, args: readonly Buffer[], limits: SandboxLimits) => string | null;

/** How each argument limit of the command table is checked. */
const LIMIT_CHECKS: Readonly<Record<ArgumentLimit, LimitCheck>> = {
  'setrange-offset': (_name, args, limits) => {
    const offset = integer(args[2]);
    if (offset !== null && offset + (args[3]?.length ?? 0) > limits.maxOffsetBytes) {
      return `ERR offset too large for the sandbox: SETRANGE may write up to byte ${limits.maxOffsetBytes}. Use a smaller offset.`;
    }
    return null;
  },
  'setbit-offset': (_name, args, limits) => {
    const maxBits = limits.maxOffsetBytes * 8;
    const offset = integer(args[2]);
    return offset !== null && offset >= maxBits
      ? `ERR bit offset too large for the sandbox: SETBIT allows offsets below ${maxBits}.`
      : null;
  },
  'bitfield-offsets': (_name, args, limits) => {
    const maxBits = limits.maxOffsetBytes * 8;
    return bitfieldOffsetsTooLarge(args, maxBits)
      ? `ERR bit offset too large for the sandbox: BITFIELD allows offsets below ${maxBits}.`
      : null;
  },
  'random-count': (name, args, limits) => {
    const count = integer(args[2]);
    if (count !== null && Math.abs(count) > limits.maxRandomCount) {
      return `ERR count too large for the sandbox: ${name.toUpperCase()} allows at most ${limits.maxRandomCount} (or -${limits.maxRandomCount}).`;
    }
    return null;
  },
  // MEMORY USAGE key SAMPLES n walks n nested elements (0 = every one): capped like other walks.
  'memory-samples': (_name, args, limits) => {
    for (let i = 3; i < args.length; i++) {
      if (args[i]!.toString('latin1').toLowerCase() !== 'samples') continue;
      const samples = integer(args[++i]);
      if (samples !== null && (samples === 0 || samples > limits.maxWorkElements)) {
        return `ERR SAMPLES too large for the sandbox: MEMORY USAGE allows 1 to ${limits.maxWorkElements} (0 would walk the whole key). The default is 5.`;
      }
    }
    return null;
  },
  // Every argument after a COUNT token, even a key that is called COUNT: a superset of what the server reads.
  'mpop-count': (name, args, limits) => {
    for (let i = 1; i < args.length - 1; i++) {
      const count = args[i]!.toString('latin1').toLowerCase() === 'count' ? integer(args[i + 1]) : null;
      if (count !== null && count > limits.maxRandomCount) {
        return `ERR count too large for the sandbox: ${name.toUpperCase()} pops at most ${limits.maxRandomCount} at a time.`;
      }
    }
    return null;
  },
  // The sandbox has one database per learner space: DB would copy into (or out of) a shared database.
  'copy-without-db': (_name, args) =>
    args.slice(3).some((arg) => arg.toString('latin1').toLowerCase() === 'db')
      ? 'ERR COPY … DB is not available in the Keyspace sandbox: it has a single database. Copy within it: COPY source destination.'
      : null,
  // STORE would copy one GET value (up to a megabyte) per element into one list, past any budget check.
  'sort-store-without-get': (_name, args) => {
    const { store, lookups } = sortOptions(args, false);
    return store !== null && lookups > 0
      ? 'ERR SORT … GET … STORE is not available in the Keyspace sandbox: it would copy a value per element. Use GET without STORE, or STORE without GET.'
      : null;
  },
};

function timeoutError(name: string, arg: Buffer | undefined, limits: SandboxLimits, first = false): string | null {
  const timeout = Number(arg?.toString('latin1'));
  if (!(timeout > 0 && timeout <= limits.maxBlockSeconds)) {
    const example = first
      ? `${name.toUpperCase()} ${limits.maxBlockSeconds} …`
      : `${name.toUpperCase()} … ${limits.maxBlockSeconds}`;
    return `ERR timeout must be more than 0 and at most ${limits.maxBlockSeconds} seconds in the sandbox (0 would wait forever). Try ${example}.`;
  }
  return null;
}

/** How each kind of blocking timeout is capped: never "forever", never past maxBlockSeconds. */
const TIMEOUT_CHECKS: Readonly<Record<BlockingTimeout, LimitCheck>> = {
  'last-argument-seconds': (name, args, limits) => timeoutError(name, args[args.length - 1], limits),
  'first-argument-seconds': (name, args, limits) => timeoutError(name, args[1], limits, true),
  // XREAD/XREADGROUP take their LAST BLOCK (each one overwrites the timeout), so every BLOCK is
  // checked: `BLOCK 1 BLOCK 0` would otherwise wait forever. The options are walked as the server
  // does, so a group or consumer called BLOCK is not mistaken for the option.
  'block-option-milliseconds': (name, args, limits) => {
    for (let i = 1; i < args.length; i++) {
      const token = args[i]!.toString('latin1').toLowerCase();
      if (token === 'streams') break;
      if (token === 'group' && name === 'xreadgroup') i += 2;
      else if (token === 'count') i += 1;
      else if (token === 'block') {
        const ms = Number(args[++i]?.toString('latin1'));
        if (!(ms > 0 && ms <= limits.maxBlockSeconds * 1000)) {
          return `ERR BLOCK must be more than 0 and at most ${limits.maxBlockSeconds * 1000} milliseconds in the sandbox (0 would wait forever).`;
        }
      }
    }
    return null;
  },
};

/** An error message (as Valkey would phrase one) if the arguments break a limit, else null. */
export function checkArguments(
  name: string,
  args: readonly Buffer[],
  limits: SandboxLimits,
  table: CommandTable = SANDBOX_COMMANDS,
): string | null {
  const anyRule = commandRule(name, table);
  const scanOptions = anyRule?.action === 'run' || anyRule?.action === 'emulate' ? anyRule.scanOptions : undefined;
  const patternError = scanOptions ? checkScanOptions(name, scanOptions, args, limits) : null;
  if (patternError) return patternError;
  const rule = runRule(name, table);
  if (!rule) return null;
  return (
    (rule.limit && LIMIT_CHECKS[rule.limit](name, args, limits)) ||
    (rule.blocking && TIMEOUT_CHECKS[rule.blocking](name, args, limits)) ||
    checkNames(rule, args, limits) ||
    (rule.distinctSources && checkDistinctSources(name, rule, args)) ||
    null
  );
}
