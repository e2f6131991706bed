// Points lib/valkey/connections at the servers started by valkey-global-setup.ts.
import { inject } from 'vitest';
import { setEnv } from './env';

setEnv({ KEYSPACE_SANDBOX_URL: inject('sandboxUrl'), KEYSPACE_APP_URL: inject('appUrl') });
