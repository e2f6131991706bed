/** The two Valkey servers Keyspace runs on (lib/servers starts one of each per profile). */
export type InstanceRole = 'sandbox' | 'app';

/**
 * Every server the app holds a long-lived admin client for: its two Valkey servers, and `redis`,
 * the Redis OSS server of the sandbox's Redis engine (lib/sandbox/engine-routing.ts). Redis speaks
 * the same protocol, so one client, watchdog and error type serve all three.
 */
export type ConnectionRole = InstanceRole | 'redis';

export const URL_ENV: Record<ConnectionRole, 'KEYSPACE_SANDBOX_URL' | 'KEYSPACE_APP_URL' | 'KEYSPACE_REDIS_URL'> = {
  sandbox: 'KEYSPACE_SANDBOX_URL',
  app: 'KEYSPACE_APP_URL',
  redis: 'KEYSPACE_REDIS_URL',
};
