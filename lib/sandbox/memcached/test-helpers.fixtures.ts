/** Running console entries on the Memcached engine in tests. */
import { sandboxLimits, type SandboxLimits } from '@/lib/sandbox/limits';
import { executeMemcachedLine } from './index';

/** The console text of an entry; fails the test on an HTTP-level rejection. */
export async function memcachedText(
  learner: string,
  entry: string,
  limits: SandboxLimits = sandboxLimits(),
): Promise<string> {
  const outcome = await executeMemcachedLine(learner, entry, limits);
  if (outcome.kind !== 'reply') throw new Error(`expected a reply, got HTTP ${outcome.status}: ${outcome.error}`);
  return outcome.body.text;
}
