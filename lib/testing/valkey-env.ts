// Points lib/valkey/connections (and the sandbox's other engines) at the servers started by valkey-global-setup.ts.
import { inject } from 'vitest';
import { setEnv } from './env';

setEnv({
  KEYSPACE_SANDBOX_URL: inject('sandboxUrl'),
  KEYSPACE_APP_URL: inject('appUrl'),
  KEYSPACE_REDIS_URL: inject('redisUrl'),
  KEYSPACE_MEMCACHED_URL: inject('memcachedUrl'),
});
