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
 * Live pub/sub needs a console's live stream (GET /api/sandbox/live), which opens its subscriber
 * connection on the Valkey engine only: on Redis OSS these commands are refused with this message.
 */
export const LIVE_ON_VALKEY_ONLY = 'ERR Live pub/sub runs on the Valkey engine: switch the console to Valkey.';
