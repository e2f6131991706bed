/**
 * redis-server (≥ 7) and memcached (≥ 1.6), the sandbox's other engines: found, or installed with
 * the platform's package manager. Unlike Valkey they are optional for `npm start`: one that cannot
 * be installed leaves its engine unavailable, with the command to install it by hand.
 */
import type { EngineBinaries } from '../../lib/servers/engine-servers';
import { findMemcached, findRedisServer } from '../../lib/servers/server-binary';

export function ensureEngineServers(): EngineBinaries {
  return { redis: findRedisServer()?.path ?? null, memcached: findMemcached()?.path ?? null };
}
