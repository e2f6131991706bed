/**
 * Which commands each learner ran recently, so a challenge can forbid one (KEYS in a lesson on
 * SCAN). Kept in this process's memory, like the learner's connection: a restart forgets it,
 * which can only make a forbidden command go unnoticed, never fail a learner wrongly.
 */
import { parseCommandLine } from './parse';

const MAX_LEARNERS = 50_000;
const usage = new Map<string, Map<string, number>>();

/** Records the command name of a line the learner sent (after valkey-cli's own splitting). */
export function recordCommandUse(learnerId: string, line: string, at = Date.now()): void {
  const parsed = parseCommandLine(line);
  const first = parsed.ok ? parsed.args[0] : undefined;
  if (!first) return;
  let commands = usage.get(learnerId);
  if (!commands) {
    // Oldest learner out first: Map keeps insertion order.
    if (usage.size >= MAX_LEARNERS) usage.delete(usage.keys().next().value as string);
    commands = new Map();
    usage.set(learnerId, commands);
  }
  if (commands.size < 500) commands.set(first.toString('utf8').toUpperCase(), at);
  else if (commands.has(first.toString('utf8').toUpperCase())) commands.set(first.toString('utf8').toUpperCase(), at);
}

/** The forbidden command names the learner used at or after `since` (epoch ms). */
export function forbiddenCommandsUsed(learnerId: string, forbidden: readonly string[], since: number): string[] {
  const commands = usage.get(learnerId);
  if (!commands) return [];
  return forbidden.map((name) => name.toUpperCase()).filter((name) => (commands.get(name) ?? -1) >= since);
}

export function forgetCommandUse(learnerId: string): void {
  usage.delete(learnerId);
}
