/**
 * `npm start` and `npm run dev`: Valkey for the sandbox and the app's data, then Next.js.
 * One process owns everything it starts; SIGINT/SIGTERM/SIGHUP stop it all in reverse order.
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeFileSync } from 'node:fs';
import { isPortFree, stopLeftoverProcess } from '../lib/servers/local-server';
import {
  dataRoot,
  ENGINE_URL_ENV,
  profileFolder,
  rolesToStart,
  startLocalStack,
  URL_ENV,
  type LocalStack,
  type StackProfile,
} from '../lib/servers/local-stack';
import {
  LAB_PORT_RANGES,
  labPortRange,
  PATTERNS_LAB_PORTS,
  patternsLabPorts,
  portsOf,
  type LabPortProfile,
} from '../lib/servers/ports';
import { reapLeftoverLabs } from '../lib/labs/cluster/reap';
import { ProfileInUseError } from '../lib/servers/profile-lock';
import { describeEndpoint } from '../lib/valkey/endpoint';
import { parseEnv } from '../lib/config/env';
import { buildApp, isBuildFresh } from './setup/build';
import { onStopRequest } from './setup/lifecycle';
import { done, fail, step, warn } from './setup/log';
import { spawnNext } from './setup/next';
import { ENGINE_SERVER_NAMES } from '../lib/servers/engine-servers';
import { ENGINE_LABELS } from '../lib/sandbox/engines';
import { ensureEngineServers } from './setup/engine-servers';
import { ensureValkeyServer } from './setup/valkey-server';

const root = path.resolve(import.meta.dirname, '..');

function profileHttpPort(profile: StackProfile): number {
  const ports: Record<string, number> = portsOf(profile);
  return ports.http ?? portsOf('local').http;
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    try {
      await fetch(url, { signal: AbortSignal.timeout(5_000) });
      return true;
    } catch {
      await sleep(250);
    }
  }
  return false;
}

/** The lab port range of the profile (lib/servers/ports.ts), unless the environment sets one. */
function labPortsFor(profile: StackProfile): Record<string, string> {
  if (process.env.KEYSPACE_LAB_FIRST_PORT) return {};
  const labProfile: LabPortProfile = profile in LAB_PORT_RANGES ? (profile as LabPortProfile) : 'local';
  const { first, count } = labPortRange(labProfile);
  return { KEYSPACE_LAB_FIRST_PORT: String(first), KEYSPACE_LAB_PORT_COUNT: String(count) };
}

/** The patterns lab's two server ports of the profile (lib/servers/ports.ts), unless the environment sets them. */
function patternsPortsFor(profile: StackProfile): Record<string, string> {
  const labProfile: LabPortProfile = profile in PATTERNS_LAB_PORTS ? (profile as LabPortProfile) : 'local';
  const { cache, eviction } = patternsLabPorts(labProfile);
  return {
    KEYSPACE_PATTERNS_CACHE_PORT: process.env.KEYSPACE_PATTERNS_CACHE_PORT || String(cache),
    KEYSPACE_PATTERNS_EVICTION_PORT: process.env.KEYSPACE_PATTERNS_EVICTION_PORT || String(eviction),
  };
}

/** One line per engine: where it runs, or why the sandbox runs without it. */
function reportEngines(stack: LocalStack): void {
  if (stack.engineUrls.redis) done(`Redis OSS ready: ${describeEndpoint(stack.engineUrls.redis)}`);
  if (stack.engineUrls.memcached) done(`Memcached ready: ${describeEndpoint(stack.engineUrls.memcached)}`);
  for (const name of ENGINE_SERVER_NAMES) {
    const reason = stack.unavailableEngines[name];
    if (reason)
      warn(`The sandbox's ${ENGINE_LABELS[name].name} engine is unavailable (${reason}); the app runs without it.`);
  }
}

export async function main(command: 'start' | 'dev', argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { profile: { type: 'string', default: 'local' }, port: { type: 'string' } },
  });
  const profile = values.profile as StackProfile;
  const env = parseEnv(process.env);
  // --port, else PORT, else the profile's HTTP port from lib/servers/ports.ts.
  const port = Number(values.port ?? process.env.PORT ?? profileHttpPort(profile));
  const host = env.KEYSPACE_HOST;
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    fail(`PORT must be a port number, got "${values.port ?? process.env.PORT}".`);

  let stack: LocalStack | null = null;
  let next: ChildProcess | null = null;
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    step('Stopping Keyspace…');
    stack?.stopRestarting();
    if (next && next.exitCode === null) {
      const exited = new Promise((resolve) => next?.once('exit', resolve));
      next.kill('SIGTERM');
      await Promise.race([exited, sleep(8_000)]);
      if (next.exitCode === null) next.kill('SIGKILL');
    }
    // Next.js kills its labs as it exits; one it could not (SIGKILL above) is stopped here.
    await reapLeftoverLabs(dataRoot(root)).catch(() => 0);
    await stack?.stop();
    done('Stopped everything this command started');
    process.exit(code);
  };
  onStopRequest(() => void shutdown(0));

  try {
    const needed = rolesToStart(process.env);
    const valkey = needed.length > 0 ? ensureValkeyServer() : null;
    if (valkey) step(`Using valkey-server ${valkey.version} (${valkey.path})`);
    const engines = ensureEngineServers();
    try {
      stack = await startLocalStack({
        projectRoot: root,
        profile,
        valkeyServer: valkey?.path ?? null,
        engines,
        onStep: step,
        appPort: port,
        supervise: { onEvent: warn },
      });
    } catch (error) {
      // Another run owns this profile: leave it alone and say where it is.
      if (error instanceof ProfileInUseError) fail(error.message);
      throw error;
    }
    // A previous run killed with SIGKILL can leave its Next.js server holding the port.
    const nextPidFile = path.join(dataRoot(root), profileFolder(profile), 'next.pid');
    await stopLeftoverProcess(nextPidFile, 'next');
    const reaped = await reapLeftoverLabs(dataRoot(root));
    if (reaped > 0) warn(`Stopped ${reaped} lab server(s) left behind by a run that was killed`);
    if (!(await isPortFree(port))) {
      throw new Error(`Port ${port} is already in use. Stop the program using it, or run with PORT=<another port>.`);
    }
    done(`Valkey ready: sandbox ${describeEndpoint(stack.urls.sandbox)}, app data ${describeEndpoint(stack.urls.app)}`);
    reportEngines(stack);

    if (command === 'start' && !isBuildFresh(root)) {
      if (!(await buildApp(root))) throw new Error('The build failed; see the errors above.');
    }
    step(command === 'dev' ? 'Starting Next.js in development mode (hot reload)…' : 'Starting the app…');
    next = spawnNext(root, [command, '--port', String(port), '--hostname', host], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        [URL_ENV.sandbox]: stack.urls.sandbox,
        [URL_ENV.app]: stack.urls.app,
        // An unavailable engine gets an empty URL, so that one set in the shell is not used by mistake.
        [ENGINE_URL_ENV.redis]: stack.engineUrls.redis ?? '',
        [ENGINE_URL_ENV.memcached]: stack.engineUrls.memcached ?? '',
        ...labPortsFor(profile),
        ...patternsPortsFor(profile),
      },
    });
    if (next.pid) writeFileSync(nextPidFile, `${next.pid}\n`);
    next.on('exit', (code) => {
      if (!stopping) {
        warn(`Next.js exited unexpectedly (code ${code}).`);
        void shutdown(1);
      }
    });
    const shownHost = host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host;
    const probeHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
    if (!(await waitForHttp(`http://${probeHost}:${port}/api/health`, next, 120_000))) {
      throw new Error('The app did not start; see the errors above.');
    }
    done(`Keyspace is ready at http://${shownHost}:${port}  (Ctrl+C to stop)`);
  } catch (error) {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}
