/**
 * Text about a challenge's checks that the server (run-checks.ts, reset-keys.ts) and the widget
 * both write, kept in one place so they agree. Pure, so the browser may import it.
 */
import type { ChallengeSpec } from '@/lib/content/challenge-schema';

/** Quotes a key for a command line the way valkey-cli would read it back. */
export function quoteKey(key: string): string {
  return /^[^\s"'\\]+$/.test(key) ? key : `"${key.replace(/["\\]/g, (char) => `\\${char}`)}"`;
}

/** The label of the check a challenge with `forbid:` adds after its own. */
export const forbiddenCommandsLabel = (forbid: readonly string[]): string => `Solved without ${forbid.join(', ')}`;

/** The label of the check a challenge with `require:` adds after its own. */
export const requiredCommandsLabel = (require: readonly string[]): string => `Solved with ${require.join(', ')}`;

/** Every check's label in the order results come back: the author's checks, then the required and forbidden-commands ones. */
export function checkLabels(spec: Pick<ChallengeSpec, 'checks' | 'forbid' | 'require'>): string[] {
  const labels = spec.checks.map((check) => check.label);
  if (spec.require?.length) labels.push(requiredCommandsLabel(spec.require));
  if (spec.forbid?.length) labels.push(forbiddenCommandsLabel(spec.forbid));
  return labels;
}
