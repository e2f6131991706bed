import 'server-only';
/**
 * Bounds on the work one learner request makes the shared, single-threaded server do
 * (review-security.md H2b, H2c). Before a command that walks whole keys runs (set algebra,
 * SMEMBERS, HGETALL, ranges, ZRANGESTORE, LCS…; the command table's `work`), the sizes of its
 * source keys are read on the admin connection with O(1) commands (SCARD, ZCARD, HLEN, LLEN,
 * STRLEN, XLEN) and the command is refused if their sum (LCS: product) is over the limit. Inside
 * MULTI the queue is capped, the work of every queued command adds up to the same limit for the
 * whole EXEC, and commands that copy or rename keys (and the *SCANs) are refused, since the sizes
 * they would make (or the pattern cost) cannot be measured at queue time.
 */
import { getValkey } from '@/lib/valkey/connections';
import { sandboxKeyPrefix } from '@/lib/valkey/keys';
import { runRule, type RunRule, type WorkRule } from './command-table';
import { sandboxRoleFor, type RespEngine } from './engine-routing';
import type { LearnerSession } from './learners';
import { LCS_CELLS_PER_WORK_ELEMENT, type SandboxLimits } from './limits';
import { sourceKeyIndexes } from './name-limits';

/** Work already queued in the current MULTI, per queue: each MULTI starts a new queue array. */
const queuedWork = new WeakMap<string[], number>();

const TRANSACTION_CONTROL = new Set(['multi', 'exec', 'discard', 'watch', 'unwatch']);

function integer(arg: Buffer | undefined): number | null {
  const text = arg?.toString('latin1') ?? '';
  return /^-?\d+$/.test(text) ? Number(text) : null;
}

/** How many elements `start stop` selects out of `size`, as LRANGE and ZRANGE count them. */
function indexRangeSize(args: readonly Buffer[], size: number): number {
  const byValue = args.slice(4).some((arg) => ['byscore', 'bylex'].includes(arg.toString('latin1').toLowerCase()));
  const start = integer(args[2]);
  const stop = integer(args[3]);
  if (byValue || start === null || stop === null) return size;
  const first = Math.max(start < 0 ? size + start : start, 0);
  const last = Math.min(stop < 0 ? size + stop : stop, size - 1);
  return last < first ? 0 : last - first + 1;
}

/**
 * The COUNT the server will use, walking the options as it does (XRANGE's come after key, start
 * and end; XREAD/XREADGROUP's come before STREAMS, with GROUP taking two values), so that a key,
 * group or consumer called COUNT is not mistaken for the option. Null when there is none.
 */
function optionCount(name: string, args: readonly Buffer[]): number | null {
  const reader = name === 'xread' || name === 'xreadgroup';
  let count: number | null = null;
  for (let i = reader ? 1 : 4; i < args.length; i++) {
    const token = args[i]!.toString('latin1').toLowerCase();
    if (reader && token === 'streams') break;
    if (token === 'group' && name === 'xreadgroup') i += 2;
    else if (token === 'block') i += 1;
    else if (token === 'count') count = integer(args[++i]);
  }
  return count;
}

/** The elements a command walks, from the sizes of its sources and the range it asks for. */
function elementsWalked(name: string, work: WorkRule, args: readonly Buffer[], sizes: number[]): number {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (work.range === 'index') return indexRangeSize(args, total);
  const count = work.range === 'count-option' ? optionCount(name, args) : null;
  // No COUNT, or COUNT 0 or less, means "no limit" to XRANGE and XREAD.
  return count !== null && count > 0 ? sizes.reduce((sum, size) => sum + Math.min(size, count), 0) : total;
}

/** Measures of sources that may be of several types: the other types answer WRONGTYPE, counted 0. */
const MEASURES: Partial<Record<WorkRule['measure'], string[]>> = {
  'zset-or-set': ['zcard', 'scard'],
  'list-set-or-zset': ['llen', 'scard', 'zcard'],
};

/** The sizes of a command's source keys, read on the admin connection (a key of another type counts 0). */
async function sourceSizes(
  learnerId: string,
  engine: RespEngine,
  rule: RunRule,
  work: WorkRule,
  args: readonly Buffer[],
) {
  const prefix = Buffer.from(sandboxKeyPrefix(learnerId));
  const keys = sourceKeyIndexes(rule, args, work.sources ?? 'all-keys').map((index) =>
    Buffer.concat([prefix, args[index]!]),
  );
  if (keys.length === 0) return [];
  const pipeline = (await getValkey(sandboxRoleFor(engine))).pipeline();
  const measures = MEASURES[work.measure] ?? [work.measure];
  for (const key of keys) for (const measure of measures) pipeline.call(measure, key);
  const results = ((await pipeline.exec()) ?? []).map(([error, size]) => (error ? 0 : Number(size) || 0));
  return keys.map((_, k) => Math.max(...results.slice(k * measures.length, (k + 1) * measures.length)));
}

/** An error message if the command (or, inside MULTI, the transaction) would walk too much, else null. */
export async function checkWork(
  session: LearnerSession,
  name: string,
  args: readonly Buffer[],
  limits: SandboxLimits,
): Promise<string | null> {
  const rule = runRule(name);
  const upper = name.toUpperCase();
  if (session.inTransaction && !TRANSACTION_CONTROL.has(name)) {
    if (session.queuedCommands.length >= limits.maxQueuedCommands) {
      return `ERR too many commands in one transaction: the sandbox queues at most ${limits.maxQueuedCommands}. Run EXEC (or DISCARD), then the rest.`;
    }
    if (rule?.notInTransaction) {
      return `ERR ${upper} cannot be queued in a sandbox transaction: its cost cannot be bounded before EXEC. Run it after EXEC or DISCARD.`;
    }
  }
  const work = rule?.work;
  if (!rule || !work) return null;
  const sizes = await sourceSizes(session.id, session.engine, rule, work, args);
  if (work.combine === 'product') {
    const maxCells = limits.maxWorkElements * LCS_CELLS_PER_WORK_ELEMENT;
    const cells = sizes.reduce((product, size) => product * size, 1);
    return cells > maxCells
      ? `ERR ${upper} would compare ${sizes.join(' × ')} bytes, over the sandbox's limit of ${maxCells} (length × length). Use shorter strings.`
      : null;
  }
  // SORT looks up one key per element for each BY or GET pattern.
  const elements = elementsWalked(name, work, args, sizes) * (1 + (rule.patterns?.(args).length ?? 0));
  if (elements > limits.maxWorkElements) {
    return `ERR ${upper} would walk ${elements} elements, over the sandbox's limit of ${limits.maxWorkElements} per command. Use smaller keys, or ask for a range.`;
  }
  if (session.inTransaction) {
    const queued = (queuedWork.get(session.queuedCommands) ?? 0) + elements;
    if (queued > limits.maxWorkElements) {
      return `ERR this transaction would walk ${queued} elements, over the sandbox's limit of ${limits.maxWorkElements} for one EXEC. Run EXEC (or DISCARD), then the rest.`;
    }
    queuedWork.set(session.queuedCommands, queued);
  }
  return null;
}
