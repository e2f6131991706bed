/**
 * The keys a challenge looks at, derived from its checks: the key of a `key:` check, every key of
 * a `sameSlot:` check, and the keys of each `run:` (or `distinct:`) command, found by the command table's key
 * positions exactly as the sandbox finds them (never by guessing from values). These are the keys
 * the widget names ("this challenge uses …") and the ones "Reset this challenge's keys" deletes.
 */
import { checkCommandLines, type ChallengeCheck, type ChallengeSpec } from '@/lib/content/challenge-schema';
import { keyLocator, runRule } from '@/lib/sandbox/command-table';
import { parseCommandLine } from '@/lib/sandbox/parse';

/** The keys a `run:` line reads, in order; none for a line that does not parse or an emulated command. */
export function keysOfCommandLine(line: string): string[] {
  const parsed = parseCommandLine(line);
  if (!parsed.ok || parsed.args.length === 0) return [];
  const rule = runRule((parsed.args[0] as Buffer).toString('utf8').toLowerCase());
  if (!rule) return [];
  return keyLocator(
    rule,
    parsed.args,
  )(parsed.args).flatMap((index) => {
    const key = parsed.args[index];
    return key ? [key.toString('utf8')] : [];
  });
}

function keysOfCheck(check: ChallengeCheck): string[] {
  if ('sameSlot' in check) return check.sameSlot;
  if ('key' in check) return [check.key];
  return checkCommandLines(check).flatMap(keysOfCommandLine);
}

/** Every key a challenge's checks name, each once, in the order the checks first name them. */
export function challengeKeys(spec: Pick<ChallengeSpec, 'checks'>): string[] {
  return [...new Set(spec.checks.flatMap(keysOfCheck))];
}
