import 'server-only';
/**
 * Which server each sandbox engine runs on. Valkey and Redis OSS share one pipeline (parse, policy,
 * ACL users, key rewriting, limits, formatting: execute.ts); only the server differs, so the
 * pipeline takes the engine as an explicit argument, defaulting to Valkey, and carries it on the
 * learner's session (learners.ts) from there. An argument rather than an ambient context
 * (AsyncLocalStorage): the engine is visible at every call that touches a server, and work that
 * outlives the request (budget checks, the idle sweep) cannot pick up the wrong one.
 * Memcached speaks another protocol and is dispatched before this pipeline (lib/sandbox/memcached).
 */
import type { ConnectionRole } from '@/lib/valkey/roles';
import type { SandboxEngine } from './engines';

/** The engines that speak RESP and run through execute.ts. */
export type RespEngine = Exclude<SandboxEngine, 'memcached'>;

export const RESP_ENGINES: readonly RespEngine[] = ['valkey', 'redis'];

/** The connection role (lib/valkey/connections.ts) of the server an engine's learners use. */
export function sandboxRoleFor(engine: RespEngine): Extract<ConnectionRole, 'sandbox' | 'redis'> {
  return engine === 'valkey' ? 'sandbox' : 'redis';
}

export function isRespEngine(engine: SandboxEngine): engine is RespEngine {
  return engine !== 'memcached';
}

/**
 * Live pub/sub (a console's stream, GET /api/sandbox/live) runs on both RESP engines, each stream on
 * its own engine's server; Memcached has no pub/sub at all, so a stream for it is refused thus.
 */
export const LIVE_NEEDS_RESP_ENGINE =
  'Invalid query: "engine": live pub/sub runs on valkey and redis; Memcached has no pub/sub.';
