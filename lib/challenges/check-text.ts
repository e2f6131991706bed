/**
 * Text about a challenge's checks that the server (run-checks.ts, reset-keys.ts) and the widget
 * both write, kept in one place so they agree. Pure, so the browser may import it.
 */
import type { ChallengeSpec } from '@/lib/content/schema';

/** Quotes a key for a command line the way valkey-cli would read it back. */
export function quoteKey(key: string): string {
  return /^[^\s"'\\]+$/.test(key) ? key : `"${key.replace(/["\\]/g, (char) => `\\${char}`)}"`;
}

/** The label of the check a challenge with `forbid:` adds after its own. */
export const forbiddenCommandsLabel = (forbid: readonly string[]): string => `Solved without ${forbid.join(', ')}`;

/** Every check's label in the order results come back: the author's checks, then the forbidden-commands one. */
export function checkLabels(spec: Pick<ChallengeSpec, 'checks' | 'forbid'>): string[] {
  const labels = spec.checks.map((check) => check.label);
  return spec.forbid?.length ? [...labels, forbiddenCommandsLabel(spec.forbid)] : labels;
}
