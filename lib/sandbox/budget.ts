import 'server-only';
import { randomInt } from 'node:crypto';
import type Redis from 'ioredis';
import { getValkey } from '@/lib/valkey/connections';
import { commandFlags, loadedCommandFlags } from './command-flags';
import { sandboxRoleFor, type RespEngine } from './engine-routing';
import { indexedNames, pruneNames, serverKeyName } from './key-index';
import type { LearnerSession } from './learners';
import type { SandboxLimits } from './limits';

/** How often (in commands) a learner's keys are counted and weighed. */
export const BUDGET_CHECK_EVERY = 50;

/**
 * Commands that copy other keys into a new one, with how big the copy can get from the sizes of
 * its (distinct) source keys. They are weighed before they run: between two budget checks one
 * BITOP or SUNIONSTORE could otherwise copy megabytes. The first key is the destination.
 */
const sum = (sizes: number[]) => sizes.reduce((total, size) => total + size, 0);
const COPY_ESTIMATES: Readonly<Record<string, (sourceSizes: number[]) => number>> = {
  bitop: (sizes) => Math.max(0, ...sizes), // as long as its longest source
  sunionstore: sum,
  sinterstore: (sizes) => (sizes.length > 0 ? Math.min(...sizes) : 0),
  sdiffstore: (sizes) => sizes[0] ?? 0,
  zrangestore: sum,
  geosearchstore: sum,
  pfmerge: (sizes) => Math.max(0, ...sizes),
  zunionstore: sum,
  zinterstore: (sizes) => (sizes.length > 0 ? Math.min(...sizes) : 0),
  zdiffstore: (sizes) => sizes[0] ?? 0,
  copy: sum, // its keys are listed destination first (commands.ts)
  sort: sum, // SORT … STORE: listed destination first; without STORE it has no source here
};

const store = globalThis as typeof globalThis & {
  /** Bytes a learner held at their last check, plus what was let through since. */
  keyspaceBudgetHeld?: Map<string, number>;
  /** A learner's budget check in flight: their next command waits for it (it may prune their index). */
  keyspaceBudgetChecks?: Map<string, Promise<void>>;
};
store.keyspaceBudgetHeld ??= new Map();
store.keyspaceBudgetChecks ??= new Map();
const held = store.keyspaceBudgetHeld;
const checks = store.keyspaceBudgetChecks;

/** A learner's entry in these maps: their budget on each engine is their own. */
const budgetOf = (learnerId: string, engine: RespEngine): string =>
  engine === 'valkey' ? learnerId : `${engine}:${learnerId}`;

const megabytes = (bytes: number, digits = 1) => (bytes / 1048576).toFixed(digits);

/** Forgets what a learner was measured to hold (their keys were all deleted). */
export function forgetMeasuredUsage(learnerId: string, engine: RespEngine = 'valkey'): void {
  held.delete(budgetOf(learnerId, engine));
}

/** Real sizes (MEMORY USAGE … SAMPLES 0, every element counted); null for a key that is gone. */
async function sizesOf(admin: Redis, learnerId: string, names: readonly Buffer[]): Promise<(number | null)[]> {
  if (names.length === 0) return [];
  const pipeline = admin.pipeline();
  for (const name of names) pipeline.call('MEMORY', 'USAGE', serverKeyName(learnerId, name), 'SAMPLES', '0');
  const results = (await pipeline.exec()) ?? [];
  return names.map((_, index) => {
    const size = results[index]?.[1];
    return size === null || size === undefined ? null : Number(size);
  });
}

/**
 * Counts and weighs a learner's keys (their index, with MEMORY USAGE SAMPLES 0: the default five
 * samples miss a sorted set's large members) and records whether they are over budget. While
 * over, commands that grow memory are refused; reads and deletes still work, so nothing is lost
 * and the learner can free space. One check per learner at a time.
 */
export function checkBudget(session: LearnerSession, limits: SandboxLimits): Promise<void> {
  const entry = budgetOf(session.id, session.engine);
  const running = checks.get(entry);
  if (running) return running;
  const check = weigh(session, limits).finally(() => checks.delete(entry));
  checks.set(entry, check);
  return check;
}

async function weigh(session: LearnerSession, limits: SandboxLimits): Promise<void> {
  const first = session.commandsSinceBudgetCheck === Number.POSITIVE_INFINITY;
  // After a learner's first check, the next comes a random number of commands sooner (never
  // later), so that learners who start together (a class, the benchmark) are not all weighed at
  // the same moment every BUDGET_CHECK_EVERY commands.
  session.commandsSinceBudgetCheck = first ? randomInt(BUDGET_CHECK_EVERY) : 0;
  // Queued writes have not run yet, so their names must not be pruned as "gone".
  const prune = !session.inTransaction;
  const admin = await getValkey(sandboxRoleFor(session.engine));
  const names = await indexedNames(admin, session.id);
  const sizes = await sizesOf(admin, session.id, names);
  const live = names.filter((_, index) => sizes[index] !== null);
  if (prune) await pruneNames(admin, session.id, names, live);
  const bytes = sum(sizes.map((size) => size ?? 0));
  held.set(budgetOf(session.id, session.engine), bytes);
  if (live.length > limits.maxKeys) {
    session.overBudget = `ERR your sandbox holds more than ${limits.maxKeys} keys, its limit. Delete some (DEL, or FLUSHDB for all) before adding more.`;
    return;
  }
  session.overBudget =
    bytes > limits.maxMemoryBytes
      ? `ERR your sandbox uses ${megabytes(bytes)} MB, over its ${megabytes(limits.maxMemoryBytes, 0)} MB limit. Delete some keys (DEL, or FLUSHDB for all) before adding more.`
      : null;
}

/**
 * Budget accounting before a command runs; an error message when it must be refused.
 * - Waits for the learner's check in flight, so it never prunes a name this command writes.
 * - Weighs a copy (COPY_ESTIMATES) from its sources' real sizes and refuses it if the learner
 *   would pass the budget; else counts it as held until the next check measures it.
 * - Counts other growing commands by their argument bytes; once the count passes the budget, the
 *   next check comes right after this command instead of up to BUDGET_CHECK_EVERY commands later.
 */
export async function accountBeforeWrite(
  session: LearnerSession,
  name: string,
  args: readonly Buffer[],
  keys: readonly Buffer[],
  limits: SandboxLimits,
): Promise<string | null> {
  const entry = budgetOf(session.id, session.engine);
  const running = checks.get(entry);
  if (running) await running.catch(() => undefined);
  // Over budget, then all keys deleted (FLUSHDB, Reset): weigh again now, not 50 commands later.
  if (session.overBudget && !held.has(entry)) await checkBudget(session, limits);
  // A transaction's writes are only weighed when EXEC runs them: check right after it.
  if (name === 'exec') session.commandsSinceBudgetCheck = BUDGET_CHECK_EVERY;
  const estimate = COPY_ESTIMATES[name];
  if (!estimate) {
    if (!(loadedCommandFlags(session.engine) ?? (await commandFlags(session.engine))).growsMemory.has(name))
      return null;
    const grown = (held.get(entry) ?? 0) + sum(args.map((arg) => arg.length));
    held.set(entry, grown);
    if (grown > limits.maxMemoryBytes) session.commandsSinceBudgetCheck = BUDGET_CHECK_EVERY;
    return null;
  }
  if (!held.has(entry)) await checkBudget(session, limits);
  const seen = new Set<string>();
  const sources = keys.slice(1).filter((key) => {
    const id = key.toString('latin1');
    return seen.has(id) ? false : (seen.add(id), true);
  });
  const sizes = await sizesOf(await getValkey(sandboxRoleFor(session.engine)), session.id, sources);
  const copy = estimate(sizes.map((size) => size ?? 0));
  const before = held.get(entry) ?? 0;
  if (before + copy > limits.maxMemoryBytes) {
    return `ERR this command would copy about ${megabytes(copy)} MB into your sandbox, which holds ${megabytes(before)} MB of its ${megabytes(limits.maxMemoryBytes, 0)} MB limit. Delete some keys (DEL, or FLUSHDB for all) first.`;
  }
  held.set(entry, before + copy);
  return null;
}
