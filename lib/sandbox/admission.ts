import 'server-only';
import { AppError } from '@/lib/errors';
import { sandboxLimits, type SandboxLimits } from './limits';
import { takeTokens, type Bucket } from './rate-limit';

/**
 * Lets a request run now, or throws the 429 to answer with: token buckets per learner and per
 * client address. The error carries the seconds to wait (sent as `Retry-After`) and the console's
 * `(error) …` line. The buckets live in the app's Valkey; see rate-limit.ts for the small batches
 * of tokens a process takes at once. New identities are limited where they are issued
 * (admitNewLearner), so dropping the cookie is no way around the per-learner limit.
 */
export function admitCommand(
  learnerId: string,
  address: string,
  limits: SandboxLimits = sandboxLimits(),
): Promise<void> {
  return admit('', learnerId, address, limits);
}

/**
 * The same limits for the key browser and Reset (each scans the learner's keys on the shared admin
 * connection: finding M3 of issue 10), in buckets of their own: the console refreshes the key
 * browser after every command, which must not halve the learner's commands per second.
 */
export function admitKeyBrowsing(
  learnerId: string,
  address: string,
  limits: SandboxLimits = sandboxLimits(),
): Promise<void> {
  return admit('keys:', learnerId, address, limits);
}

async function admit(prefix: string, learnerId: string, address: string, limits: SandboxLimits): Promise<void> {
  const buckets: Bucket[] = [
    { key: `${prefix}learner:${learnerId}`, rate: limits.ratePerLearner, burst: limits.ratePerLearner * 2 },
    { key: `${prefix}address:${address}`, rate: limits.ratePerAddress, burst: limits.ratePerAddress * 2 },
  ];
  const waitMs = await takeTokens(buckets);
  if (waitMs === 0) return;
  const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
  const error = `ERR too many commands: the sandbox allows ${limits.ratePerLearner} per second each. Try again in ${retryAfterSeconds} s.`;
  throw new AppError('rate_limited', error, { retryAfterSeconds, text: `(error) ${error}` });
}

/**
 * Lets a client address be given one more learner identity (a new signed cookie), or throws the
 * 429. Counted when the cookie is issued, on whichever route issues it, not when it is first used
 * in the sandbox: otherwise cookies minted in bulk on another route (finding H5 of issue 10) would
 * all count as existing learners.
 */
export async function admitNewLearner(address: string, limits: SandboxLimits = sandboxLimits()): Promise<void> {
  const bucket = { key: `sessions:${address}`, rate: limits.sessionsPerMinute / 60, burst: limits.sessionsPerMinute };
  const waitMs = await takeTokens([bucket]);
  if (waitMs === 0) return;
  const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
  // The same words the console has always shown for a flood of new sessions.
  const error = `ERR too many new sandbox sessions from your address: try again in ${retryAfterSeconds} s.`;
  throw new AppError('rate_limited', error, { retryAfterSeconds, text: `(error) ${error}` });
}

/** The client address rate limits count by: see lib/http/client-address.ts (finding M1 of issue 10). */
export { clientAddress } from '@/lib/http/client-address';
