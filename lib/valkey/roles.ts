/** The two Valkey servers Keyspace talks to, and the variables that hold their URLs. */
export type InstanceRole = 'sandbox' | 'app';

export const URL_ENV: Record<InstanceRole, 'KEYSPACE_SANDBOX_URL' | 'KEYSPACE_APP_URL'> = {
  sandbox: 'KEYSPACE_SANDBOX_URL',
  app: 'KEYSPACE_APP_URL',
};
