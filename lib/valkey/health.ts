import 'server-only';
import { endpointOf, getValkey } from './connections';
import type { InstanceRole } from './roles';

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
    return { role, ok: false, endpoint, error: error instanceof Error ? error.message : String(error) };
  }
}

export async function checkHealth(): Promise<HealthReport> {
  const servers = await Promise.all((['sandbox', 'app'] as const).map(checkServer));
  const down = servers.filter((server) => !server.ok);
  return {
    ok: down.length === 0,
    servers,
    sandboxGuards: SANDBOX_GUARDS,
    message: down.length === 0 ? 'All servers are reachable.' : down.map((server) => server.error).join(' '),
  };
}
