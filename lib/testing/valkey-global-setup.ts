/**
 * Vitest global setup: real servers for the integration tests, on the test profile's own ports
 * (lib/servers/ports.ts) and data folder, started once and stopped when the run ends: the Valkey
 * pair (sandbox 7411, app data 7412) and the sandbox's other engines, Redis OSS (7481) and
 * Memcached (7482).
 */
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findMemcached, findRedisServer, findValkeyServer } from '../servers/server-binary';
import { dataRoot, startLocalStack } from '../servers/local-stack';
import { reapLeftoverLabs } from '../labs/cluster/reap';

declare module 'vitest' {
  export interface ProvidedContext {
    sandboxUrl: string;
    appUrl: string;
    redisUrl: string;
    memcachedUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const valkey = findValkeyServer();
  if (!valkey) throw new Error('valkey-server 8+ is needed for the tests. Run "npm test", which installs it.');
  const redis = findRedisServer();
  const memcached = findMemcached();
  if (!redis || !memcached) {
    throw new Error(
      `${redis ? 'memcached 1.6+' : 'redis-server 7+'} is needed for the tests. Run "npm test", which installs it.`,
    );
  }
  const root = path.resolve(import.meta.dirname, '../..');
  // The tests always use their own servers, even if the shell points the app elsewhere.
  const env = {
    ...process.env,
    KEYSPACE_SANDBOX_URL: '',
    KEYSPACE_APP_URL: '',
    KEYSPACE_REDIS_URL: '',
    KEYSPACE_MEMCACHED_URL: '',
  };
  // Cluster labs of a run that was killed (lib/labs/cluster/reap.ts): a live run's are left alone.
  await reapLeftoverLabs(dataRoot(root, env));
  const stack = await startLocalStack({
    projectRoot: root,
    profile: 'test',
    valkeyServer: valkey.path,
    engines: { redis: redis.path, memcached: memcached.path },
    requireEngines: true,
    env,
  });
  project.provide('sandboxUrl', stack.urls.sandbox);
  project.provide('appUrl', stack.urls.app);
  project.provide('redisUrl', stack.engineUrls.redis ?? '');
  project.provide('memcachedUrl', stack.engineUrls.memcached ?? '');
  return async () => {
    await stack.stop();
  };
}
