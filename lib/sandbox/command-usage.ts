/**
 * Which commands each learner ran recently, so a challenge can forbid one (KEYS in a lesson on
 * SCAN). Kept in this process's memory, like the learner's connection: a restart forgets it,
 * which can only make a forbidden command go unnoticed, never fail a learner wrongly.
 *
 * Bounded: only names the policy accepts are kept (they come from the command table, so a learner
 * holds at most one entry per table row, each a few bytes), for at most MAX_LEARNERS learners, and
 * a learner's names go when the learner is reset or swept. A line that is too long is never parsed.
 */
import { sandboxLimits } from './limits';
import { parseCommandLine } from './parse';
import { judgeCommand } from './policy';

const MAX_LEARNERS = 10_000;
const usage = new Map<string, Map<string, number>>();

/** The command name of a line the sandbox would run or emulate, upper-cased; else undefined. */
function acceptedCommandName(line: string): string | undefined {
  if (Buffer.byteLength(line) > sandboxLimits().maxLineBytes) return undefined;
  const parsed = parseCommandLine(line);
  const first = parsed.ok ? parsed.args[0] : undefined;
  if (!parsed.ok || !first) return undefined;
  const name = first.toString('utf8');
  return judgeCommand(name, parsed.args).action === 'refuse' ? undefined : name.toUpperCase();
}

/** Records the command name of a line the learner sent (after valkey-cli's own splitting). */
export function recordCommandUse(learnerId: string, line: string, at = Date.now()): void {
  const name = acceptedCommandName(line);
  if (!name) return;
  let commands = usage.get(learnerId);
  if (commands) usage.delete(learnerId);
  // Re-inserted on every use, so that Map order puts the least recently active learner first.
  else if (usage.size >= MAX_LEARNERS) usage.delete(usage.keys().next().value as string);
  commands ??= new Map();
  usage.set(learnerId, commands);
  commands.set(name, at);
}

/** The forbidden command names the learner used at or after `since` (epoch ms). */
export function forbiddenCommandsUsed(learnerId: string, forbidden: readonly string[], since: number): string[] {
  const commands = usage.get(learnerId);
  if (!commands) return [];
  return forbidden.map((name) => name.toUpperCase()).filter((name) => (commands.get(name) ?? -1) >= since);
}

/**
 * The required command names the learner did not use at or after `since`. An entry `A|B` is met by
 * either command (INCR|INCRBY: any way of counting).
 */
export function requiredCommandsMissing(learnerId: string, required: readonly string[], since: number): string[] {
  const commands = usage.get(learnerId);
  const usedSince = (name: string) => (commands?.get(name.toUpperCase()) ?? -1) >= since;
  return required.filter((entry) => !entry.split('|').some(usedSince));
}

export function forgetCommandUse(learnerId: string): void {
  usage.delete(learnerId);
}

/** How much this process keeps: learners, names, and the names' total length (tests of the bound). */
export function commandUsageSize(): { learners: number; names: number; bytes: number } {
  let names = 0;
  let bytes = 0;
  for (const commands of usage.values()) {
    names += commands.size;
    for (const name of commands.keys()) bytes += name.length;
  }
  return { learners: usage.size, names, bytes };
}
