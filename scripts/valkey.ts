/**
 * `npm run valkey`: only the local servers (the Valkey pair for the sandbox and the app's data, and
 * the sandbox's Redis OSS and Memcached engines), for running `next dev` by hand or poking at them
 * with valkey-cli, redis-cli or nc. Prints their URLs; Ctrl+C stops them.
 */
import path from 'node:path';
import { ENGINE_SERVER_NAMES } from '../lib/servers/engine-servers';
import { ENGINE_URL_ENV, startLocalStack } from '../lib/servers/local-stack';
import { ENGINE_LABELS } from '../lib/sandbox/engines';
import { onStopRequest } from './setup/lifecycle';
import { done, fail, step, warn } from './setup/log';
import { ensureEngineServers } from './setup/engine-servers';
import { ensureValkeyServer } from './setup/valkey-server';

export async function main(): Promise<void> {
  const valkey = ensureValkeyServer();
  const stack = await startLocalStack({
    projectRoot: path.resolve(import.meta.dirname, '..'),
    profile: 'local',
    valkeyServer: valkey.path,
    engines: ensureEngineServers(),
    onStep: step,
  }).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
  done('The servers are running. Export these to point `next dev` at them:');
  console.log(`  export KEYSPACE_SANDBOX_URL='${stack.urls.sandbox}'`);
  console.log(`  export KEYSPACE_APP_URL='${stack.urls.app}'`);
  for (const name of ENGINE_SERVER_NAMES) {
    const url = stack.engineUrls[name];
    if (url) console.log(`  export ${ENGINE_URL_ENV[name]}='${url}'`);
    else warn(`${ENGINE_LABELS[name].name} is unavailable (${stack.unavailableEngines[name] ?? 'not started'}).`);
  }
  const stop = async () => {
    await stack.stop();
    done('Stopped');
    process.exit(0);
  };
  onStopRequest(() => void stop());
}
