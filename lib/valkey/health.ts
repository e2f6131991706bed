import 'server-only';
import { keyspaceEnv } from '@/lib/config/env';
import { endpointOf, getValkey, unavailableMessage, ValkeyUnavailableError } from './connections';
import { checkOtherEngines, publicEngines, type EnginesHealth } from './health-engines';
import type { InstanceRole } from './roles';

/** What anyone may see: whether each role's server answers, and which is down. */
export interface PublicServerHealth {
  role: InstanceRole;
  ok: boolean;
}

export interface PublicHealthReport {
  /** The app's readiness: the two Valkey servers only (a missing Redis or Memcached is one engine down). */
  ok: boolean;
  servers: PublicServerHealth[];
  /** Each sandbox engine: up or not, and its version (public: the lessons teach it). */
  engines: EnginesHealth;
  message: string;
}

/** What an operator sees (KEYSPACE_HEALTH_DETAIL=1): where each server is and what it runs. */
export interface ServerHealth {
  role: InstanceRole;
  ok: boolean;
  endpoint: string;
  /** "valkey" or "redis", from INFO; Valkey also reports the Redis OSS version it is compatible with. */
  engine?: string;
  version?: string;
  error?: string;
}

/** Which sandbox protections are on, so operators can see what shields a learner-facing server. */
export const SANDBOX_GUARDS = {
  perLearnerAclUsers: 'each learner is an ACL user limited to its own keys, channels and an explicit command list',
  keyRewriting: "keys are rewritten into the learner's namespace by key position",
  hyperLogLog: 'PFADD/PFCOUNT/PFMERGE only on keys PF commands wrote (CVE-2025-32023)',
  scripting: 'EVAL, EVALSHA, FUNCTION, FCALL and SCRIPT refused (CVE-2025-49844 and other Lua bugs in Valkey 8.0.x)',
  restore: 'RESTORE and DUMP refused (CVE-2026-25243)',
  limits: 'line, argument, offset, count, blocking-timeout, reply-size, key/memory budget and rate limits',
} as const;

export interface HealthReport {
  ok: boolean;
  servers: ServerHealth[];
  /** As in the public report, plus why an engine is down. */
  engines: EnginesHealth;
  sandboxGuards: typeof SANDBOX_GUARDS;
  /** Human-readable list of what is down, empty when all is well. */
  message: string;
}

export function parseInfoVersion(info: string): { engine: string; version: string } | null {
  const valkey = /^valkey_version:(\S+)/m.exec(info);
  if (valkey?.[1]) return { engine: 'valkey', version: valkey[1] };
  const redis = /^redis_version:(\S+)/m.exec(info);
  return redis?.[1] ? { engine: 'redis', version: redis[1] } : null;
}

async function checkServer(role: InstanceRole): Promise<ServerHealth> {
  const endpoint = endpointOf(role);
  try {
    const client = await getValkey(role);
    const info = String(await client.info('server'));
    const version = parseInfoVersion(info);
    return { role, ok: true, endpoint, ...(version ?? {}) };
  } catch (error) {
    const text =
      error instanceof ValkeyUnavailableError
        ? error.detailedMessage
        : error instanceof Error
          ? error.message
          : String(error);
    return { role, ok: false, endpoint, error: text };
  }
}

/** Every detail of both servers, for operators (the version tells an attacker which CVEs apply). */
export async function checkHealth(): Promise<HealthReport> {
  const [servers, otherEngines] = await Promise.all([
    Promise.all((['sandbox', 'app'] as const).map(checkServer)),
    checkOtherEngines(),
  ]);
  const down = servers.filter((server) => !server.ok);
  const sandbox = servers[0] as ServerHealth;
  const valkey = {
    ok: sandbox.ok,
    ...(sandbox.version ? { version: sandbox.version } : {}),
    ...(sandbox.error ? { error: sandbox.error } : {}),
  };
  return {
    ok: down.length === 0,
    servers,
    engines: { valkey, ...otherEngines },
    sandboxGuards: SANDBOX_GUARDS,
    message: down.length === 0 ? 'All servers are reachable.' : down.map((server) => server.error).join(' '),
  };
}

/** The report cut down to ok/unavailable per role and a message that names roles, not hosts. */
export function publicHealth(report: HealthReport): PublicHealthReport {
  const down = report.servers.filter((server) => !server.ok);
  return {
    ok: report.ok,
    servers: report.servers.map(({ role, ok }) => ({ role, ok })),
    engines: publicEngines(report.engines),
    message:
      down.length === 0
        ? 'All servers are reachable.'
        : down.map((server) => unavailableMessage(server.role)).join(' '),
  };
}

/** GET /api/health's body: the public view unless KEYSPACE_HEALTH_DETAIL=1. */
export async function healthForCaller(): Promise<PublicHealthReport | HealthReport> {
  const report = await checkHealth();
  return keyspaceEnv().KEYSPACE_HEALTH_DETAIL ? report : publicHealth(report);
}
