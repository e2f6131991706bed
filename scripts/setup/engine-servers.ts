/**
 * redis-server (≥ 7) and memcached (≥ 1.6), the sandbox's other engines: found, or installed with
 * the platform's package manager (scripts/setup/packages.ts). Unlike Valkey they are optional for
 * `npm start`: one that cannot be installed leaves its engine unavailable, with the command to
 * install it by hand, and the app starts with the engines it has.
 */
import {
  ENGINE_SERVER_NAMES,
  enginesToStart,
  type EngineBinaries,
  type EngineServerName,
} from '../../lib/servers/engine-servers';
import { findMemcached, findRedisServer, minimumVersion } from '../../lib/servers/server-binary';
import { step, warn } from './log';
import { ensurePackages, type PackageRecipe } from './packages';

export const REDIS_RECIPE: PackageRecipe = {
  label: `redis-server ${minimumVersion('redis-server')}+`,
  find: () => findRedisServer(),
  aptPackage: 'redis-server',
  brewFormula: 'redis',
  // Ubuntu 22.04 and Debian 11 ship Redis 6: Redis's own apt repository has 7.
  manualAdvice: (platform) =>
    platform.kind === 'debian'
      ? 'Run as root: apt-get update && apt-get install -y redis-server\n' +
        "If that installs Redis 6 (Ubuntu 22.04, Debian 11), add Redis's own repository first: " +
        'https://redis.io/docs/latest/operate/oss_and_stack/install/install-stack/apt/ ' +
        '(or set KEYSPACE_REDIS_SERVER to a redis-server 7 binary).'
      : null,
  otherwise: 'Or set KEYSPACE_REDIS_SERVER to its path, or KEYSPACE_REDIS_URL to a running Redis OSS server.',
};

export const MEMCACHED_RECIPE: PackageRecipe = {
  label: `memcached ${minimumVersion('memcached')}+`,
  find: () => findMemcached(),
  aptPackage: 'memcached',
  brewFormula: 'memcached',
  otherwise: 'Or set KEYSPACE_MEMCACHED_SERVER to its path, or KEYSPACE_MEMCACHED_URL to a running Memcached server.',
};

/**
 * The binaries of the engines in `needed` (those whose URL the environment does not give),
 * installing what is missing; null for one that cannot be had, with a warning that says how to
 * install it by hand. `problems` holds those warnings, for callers that cannot do without.
 */
export function ensureEngineServers(
  needed: readonly EngineServerName[] = enginesToStart(),
): EngineBinaries & { problems: string[] } {
  const recipes = ENGINE_SERVER_NAMES.filter((name) => needed.includes(name)).map((name) => ({
    name,
    recipe: RECIPES[name],
  }));
  const results = ensurePackages(
    recipes.map(({ recipe }) => recipe),
    step,
  );
  const binaries: EngineBinaries = { redis: null, memcached: null };
  const problems: string[] = [];
  recipes.forEach(({ name }, index) => {
    const result = results[index];
    if (result?.binary) binaries[name] = result.binary.path;
    else if (result) {
      problems.push(result.problem);
      warn(result.problem);
    }
  });
  return { ...binaries, problems };
}

const RECIPES: Record<EngineServerName, PackageRecipe> = { redis: REDIS_RECIPE, memcached: MEMCACHED_RECIPE };
