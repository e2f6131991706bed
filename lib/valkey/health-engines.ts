import 'server-only';
import Redis from 'ioredis';
import { keyspaceEnv } from '@/lib/config/env';
import type { SandboxEngine } from '@/lib/sandbox/engines';
import { memcachedVersion } from '@/lib/servers/memcached-probe';
import { parseEndpoint, tlsCa } from './endpoint';

/**
 * Whether each sandbox engine answers, and its version. Versions are public (they are what the
 * lessons teach); `error` is for operators only (KEYSPACE_HEALTH_DETAIL), publicHealth drops it.
 */
export interface EngineHealth {
  ok: boolean;
  version?: string;
  error?: string;
}

export type EnginesHealth = Record<SandboxEngine, EngineHealth>;

/** Each probe gives up after this long: a health check must answer in about a second. */
const PROBE_TIMEOUT_MS = 1_000;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * One short-lived connection per probe, not the sandbox's pooled one: the pool belongs to the
 * learners' traffic (lib/sandbox), and a probe that cannot connect must not leave it retrying.
 */
async function redisOssHealth(url: string | undefined): Promise<EngineHealth> {
  if (!url) return { ok: false, error: 'KEYSPACE_REDIS_URL is not set.' };
  const ca = parseEndpoint(url).tls ? tlsCa(keyspaceEnv().KEYSPACE_VALKEY_CA_FILE) : undefined;
  const client = new Redis(url, {
    lazyConnect: true,
    connectionName: 'keyspace-health',
    ...(parseEndpoint(url).tls ? { tls: ca ? { ca } : {} } : {}),
    connectTimeout: PROBE_TIMEOUT_MS,
    commandTimeout: PROBE_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => {}); // reported through the rejected command below
  try {
    await client.connect();
    const info = String(await client.info('server'));
    const version = /^redis_version:(\S+)/m.exec(info)?.[1];
    return { ok: true, ...(version ? { version } : {}) };
  } catch (error) {
    return { ok: false, error: `The Redis OSS server is unavailable: ${message(error)}` };
  } finally {
    client.disconnect();
  }
}

async function memcachedHealth(url: string | undefined): Promise<EngineHealth> {
  if (!url) return { ok: false, error: 'KEYSPACE_MEMCACHED_URL is not set.' };
  try {
    return { ok: true, version: await memcachedVersion(url, PROBE_TIMEOUT_MS) };
  } catch (error) {
    return { ok: false, error: `The Memcached server is unavailable: ${message(error)}` };
  }
}

/** The Redis OSS and Memcached engines, probed side by side; Valkey's comes from the sandbox server's check. */
export async function checkOtherEngines(): Promise<Omit<EnginesHealth, 'valkey'>> {
  const env = keyspaceEnv();
  const [redis, memcached] = await Promise.all([
    redisOssHealth(env.KEYSPACE_REDIS_URL),
    memcachedHealth(env.KEYSPACE_MEMCACHED_URL),
  ]);
  return { redis, memcached };
}

/** The engines without operators' error texts. */
export function publicEngines(engines: EnginesHealth): EnginesHealth {
  const strip = ({ ok, version }: EngineHealth): EngineHealth => ({ ok, ...(version ? { version } : {}) });
  return { valkey: strip(engines.valkey), redis: strip(engines.redis), memcached: strip(engines.memcached) };
}
