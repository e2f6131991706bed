/**
 * The process's two patterns-lab servers, each started on first use and shared by every run: the
 * cache in front of the origin (its own `maxmemory`, `allkeys-lru` like a cache should be) and the
 * eviction experiment's small server (its policy is set by the experiment, CONFIG SET). Kept on
 * globalThis so that hot reload in development does not start a second one on the same port.
 */
import 'server-only';
import type Redis from 'ioredis';
import { AppError } from '@/lib/errors';
import { startLabServer, type LabServer, type LabServerName } from './lab-server';
import { patternsSettings } from './settings';

const registry = globalThis as typeof globalThis & {
  keyspacePatternsServers?: Partial<Record<LabServerName, Promise<LabServer>>>;
};
registry.keyspacePatternsServers ??= {};
const servers = registry.keyspacePatternsServers;

/** Under Vitest, files that use these servers take turns on the test ports: one waits for another to finish. */
const PORT_WAIT_MS = process.env.VITEST ? 55_000 : 0;

function labServer(name: LabServerName): Promise<LabServer> {
  let server = servers[name];
  if (!server) {
    const settings = patternsSettings();
    server = startLabServer({
      name,
      port: settings.ports[name],
      maxMemoryBytes: name === 'cache' ? settings.cacheMaxMemoryBytes : settings.evictionMaxMemoryBytes,
      policy: name === 'cache' ? 'allkeys-lru' : 'noeviction',
      dataRoot: settings.dataRoot,
      portWaitMs: PORT_WAIT_MS,
    }).catch((error: unknown) => {
      delete servers[name];
      console.error(`[patterns] the ${name} Valkey did not start:`, error);
      throw new AppError('unavailable', 'The caching-patterns lab could not start its Valkey server. Try again.', {
        cause: error,
      });
    });
    servers[name] = server;
  }
  return server;
}

/** The lab's cache server, started on first use. */
export async function getPatternsCacheServer(): Promise<LabServer> {
  return labServer('cache');
}

/** The admin connection to the lab's cache server (started on first use). */
export async function getPatternsCache(): Promise<Redis> {
  return (await labServer('cache')).admin;
}

/** The eviction experiment's small-`maxmemory` server (started on first use). */
export async function getEvictionServer(): Promise<{ admin: Redis; port: number }> {
  const server = await labServer('eviction');
  return { admin: server.admin, port: server.port };
}

/** Stops both servers if they were started (tests' afterAll, so the next test file can take the ports). */
export async function stopPatternsServers(): Promise<void> {
  const started = Object.values(servers);
  for (const name of Object.keys(servers) as LabServerName[]) delete servers[name];
  await Promise.all(started.map(async (server) => (await server.catch(() => null))?.stop()));
}
