/**
 * `npm run valkey`: only the local Valkey servers (sandbox + app data), for running `next dev`
 * by hand or poking at them with valkey-cli. Prints their URLs; Ctrl+C stops them.
 */
import path from 'node:path';
import { startLocalStack } from '../lib/servers/local-stack';
import { onStopRequest } from './setup/lifecycle';
import { done, fail, step } from './setup/log';
import { ensureValkeyServer } from './setup/valkey-server';

export async function main(): Promise<void> {
  const valkey = ensureValkeyServer();
  const stack = await startLocalStack({
    projectRoot: path.resolve(import.meta.dirname, '..'),
    profile: 'local',
    valkeyServer: valkey.path,
    onStep: step,
  }).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
  done('Valkey is running. Export these to point `next dev` at it:');
  console.log(`  export KEYSPACE_SANDBOX_URL='${stack.urls.sandbox}'`);
  console.log(`  export KEYSPACE_APP_URL='${stack.urls.app}'`);
  const stop = async () => {
    await stack.stop();
    done('Stopped');
    process.exit(0);
  };
  onStopRequest(() => void stop());
}
