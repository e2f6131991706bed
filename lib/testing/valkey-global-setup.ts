/**
 * Vitest global setup: real Valkey servers for the integration tests, on the test profile's own
 * ports (7411/7412) and data folder, started once and stopped when the run ends.
 */
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findValkeyServer } from '../servers/server-binary';
import { dataRoot, startLocalStack } from '../servers/local-stack';
import { reapLeftoverLabs } from '../labs/cluster/reap';

declare module 'vitest' {
  export interface ProvidedContext {
    sandboxUrl: string;
    appUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const valkey = findValkeyServer();
  if (!valkey) throw new Error('valkey-server 8+ is needed for the tests. Run "npm test", which installs it.');
  const root = path.resolve(import.meta.dirname, '../..');
  // The tests always use their own servers, even if the shell points the app elsewhere.
  const env = { ...process.env, KEYSPACE_SANDBOX_URL: '', KEYSPACE_APP_URL: '' };
  // Cluster labs of a run that was killed (lib/labs/cluster/reap.ts): a live run's are left alone.
  await reapLeftoverLabs(dataRoot(root, env));
  const stack = await startLocalStack({ projectRoot: root, profile: 'test', valkeyServer: valkey.path, env });
  project.provide('sandboxUrl', stack.urls.sandbox);
  project.provide('appUrl', stack.urls.app);
  return async () => {
    await stack.stop();
  };
}
