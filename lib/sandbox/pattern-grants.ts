/**
 * PSUBSCRIBE patterns (full, prefixed) each learner's ACL user is granted one by one, per engine
 * (each engine's server has its own ACL user), since the server checks a pattern literally against
 * channel permissions (live/channels.ts). Kept apart from the session (learners.ts), which can be
 * closed and made again while the learner's live consoles still listen: re-creating the ACL user
 * must keep them, or the server would drop those subscriptions.
 */
import 'server-only';
import type { RespEngine } from './engine-routing';

// On globalThis so that a hot reload in development keeps the grants of consoles still listening.
const store = globalThis as typeof globalThis & {
  keyspaceGrantedPatterns?: Map<string, ReadonlySet<string>>;
  keyspaceRedisGrantedPatterns?: Map<string, ReadonlySet<string>>;
};
store.keyspaceGrantedPatterns ??= new Map();
store.keyspaceRedisGrantedPatterns ??= new Map();
const patternGrantsOf: Record<RespEngine, Map<string, ReadonlySet<string>>> = {
  valkey: store.keyspaceGrantedPatterns,
  redis: store.keyspaceRedisGrantedPatterns,
};

export function grantedPatterns(learnerId: string, engine: RespEngine = 'valkey'): ReadonlySet<string> {
  return patternGrantsOf[engine].get(learnerId) ?? new Set();
}

export function setGrantedPatterns(
  learnerId: string,
  patterns: ReadonlySet<string>,
  engine: RespEngine = 'valkey',
): void {
  if (patterns.size === 0) patternGrantsOf[engine].delete(learnerId);
  else patternGrantsOf[engine].set(learnerId, patterns);
}

/** Drops a swept learner's grants (their ACL user is gone). */
export function forgetGrantedPatterns(learnerId: string, engine: RespEngine): void {
  patternGrantsOf[engine].delete(learnerId);
}
