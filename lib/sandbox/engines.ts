/**
 * The engines a learner can run sandbox commands on. Valkey is the default and the one every
 * lesson assumes; Redis OSS reuses the Valkey pipeline (ACL users, key rewriting, formatting);
 * Memcached speaks its text protocol through lib/sandbox/memcached. Types and labels only, so
 * client code may import it.
 */
import { z } from 'zod';

export const SANDBOX_ENGINES = ['valkey', 'redis', 'memcached'] as const;
export type SandboxEngine = (typeof SANDBOX_ENGINES)[number];
export const DEFAULT_ENGINE: SandboxEngine = 'valkey';

/** How the console and the docs name each engine, and the CLI whose output the console copies. */
export const ENGINE_LABELS: Record<SandboxEngine, { name: string; cli: string }> = {
  valkey: { name: 'Valkey', cli: 'valkey-cli' },
  redis: { name: 'Redis OSS', cli: 'redis-cli' },
  memcached: { name: 'Memcached', cli: 'telnet / nc' },
};

/** The `engine` field of the sandbox API's requests: optional, Valkey when left out. */
export const EngineField = z
  .enum(SANDBOX_ENGINES, { error: `must be one of ${SANDBOX_ENGINES.join(', ')}` })
  .default(DEFAULT_ENGINE);

export function isSandboxEngine(value: unknown): value is SandboxEngine {
  return typeof value === 'string' && (SANDBOX_ENGINES as readonly string[]).includes(value);
}
