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

export interface HealthReport {
  ok: boolean;
  servers: ServerHealth[];
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
    message: down.length === 0 ? 'All servers are reachable.' : down.map((server) => server.error).join(' '),
  };
}
