/**
 * The engines a learner can run sandbox commands on. Valkey is the default and the one every
 * lesson assumes; Redis OSS reuses the Valkey pipeline (ACL users, key rewriting, formatting);
 * Memcached speaks its text protocol through lib/sandbox/memcached. Types and labels only, so
 * client code may import it: no zod here (it would add ~30 KB to every lesson page; the request
 * field is in engine-request.ts).
 */
export const SANDBOX_ENGINES = ['valkey', 'redis', 'memcached'] as const;
export type SandboxEngine = (typeof SANDBOX_ENGINES)[number];
export const DEFAULT_ENGINE: SandboxEngine = 'valkey';

/** How the console and the docs name each engine, and the CLI whose output the console copies. */
export const ENGINE_LABELS: Record<SandboxEngine, { name: string; cli: string }> = {
  valkey: { name: 'Valkey', cli: 'valkey-cli' },
  redis: { name: 'Redis OSS', cli: 'redis-cli' },
  memcached: { name: 'Memcached', cli: 'telnet / nc' },
};

export function isSandboxEngine(value: unknown): value is SandboxEngine {
  return typeof value === 'string' && (SANDBOX_ENGINES as readonly string[]).includes(value);
}
