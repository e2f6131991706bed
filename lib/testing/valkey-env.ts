// Points lib/valkey/connections at the servers started by valkey-global-setup.ts.
import { inject } from 'vitest';

process.env.KEYSPACE_SANDBOX_URL = inject('sandboxUrl');
process.env.KEYSPACE_APP_URL = inject('appUrl');
