import 'server-only';
import { randomInt } from 'node:crypto';
import { getValkey } from '@/lib/valkey/connections';
import { scanKeys } from '@/lib/valkey/scan-keys';
import { sandboxKeyPrefix } from '@/lib/valkey/keys';
import type { LearnerSession } from './learners';
import type { SandboxLimits } from './limits';

/** How often (in commands) a learner's keys are counted and weighed. */
export const BUDGET_CHECK_EVERY = 50;

/**
 * Counts and weighs a learner's keys (SCAN + MEMORY USAGE, bounded by the key limit) and records
 * whether they are over budget. While over, commands that grow memory are refused; reads and
 * deletes still work, so nothing is lost and the learner can free space.
 */
export async function checkBudget(session: LearnerSession, limits: SandboxLimits): Promise<void> {
  const first = session.commandsSinceBudgetCheck === Number.POSITIVE_INFINITY;
  const admin = await getValkey('sandbox');
  const keys: string[] = [];
  for await (const page of scanKeys(admin, `${sandboxKeyPrefix(session.id)}*`, { limit: limits.maxKeys + 1 }))
    keys.push(...page);
  // After a learner's first check, the next comes a random number of commands sooner (never
  // later), so that learners who start together (a class, the benchmark) are not all weighed at
  // the same moment every BUDGET_CHECK_EVERY commands.
  session.commandsSinceBudgetCheck = first ? randomInt(BUDGET_CHECK_EVERY) : 0;
  if (keys.length > limits.maxKeys) {
    session.overBudget = `ERR your sandbox holds more than ${limits.maxKeys} keys, its limit. Delete some (DEL, or FLUSHDB for all) before adding more.`;
    return;
  }
  const pipeline = admin.pipeline();
  for (const key of keys) pipeline.memory('USAGE', key);
  const sizes = (await pipeline.exec()) ?? [];
  const bytes = sizes.reduce((sum, [, size]) => sum + (Number(size) || 0), 0);
  session.overBudget =
    bytes > limits.maxMemoryBytes
      ? `ERR your sandbox uses ${(bytes / 1048576).toFixed(1)} MB, over its ${(limits.maxMemoryBytes / 1048576).toFixed(0)} MB limit. Delete some keys (DEL, or FLUSHDB for all) before adding more.`
      : null;
}
