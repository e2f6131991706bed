/**
 * The cluster lab's limits and ports, from the environment (lib/config/env.ts, docs/labs.md).
 * Read once per lab manager: request paths do not re-parse the environment.
 */
import { parseEnv, type EnvSource } from '@/lib/config/env';
import { labPortRange } from '@/lib/servers/ports';

export interface LabSettings {
  /** Labs running at once in this app process; one more answers 503 with Retry-After. */
  maxLabs: number;
  /** A lab nobody used for this long is stopped and its folder deleted. */
  idleMs: number;
  /** `maxmemory` of every lab node, in bytes. */
  maxMemoryBytes: number;
  /** `cluster-node-timeout`: how long a node may be silent before it is suspected (pfail). */
  nodeTimeoutMs: number;
  /** The loopback ports labs take nodes from; a cluster node's bus is its port + 2,000. */
  firstPort: number;
  portCount: number;
}

export function labSettings(env: EnvSource = process.env): LabSettings {
  const parsed = parseEnv(env);
  const range = labPortRange('local', env);
  return {
    maxLabs: Math.floor(parsed.KEYSPACE_LAB_MAX_LABS),
    idleMs: parsed.KEYSPACE_LAB_IDLE_SECONDS * 1000,
    maxMemoryBytes: Math.floor(parsed.KEYSPACE_LAB_MAXMEMORY_MB * 1024 * 1024),
    nodeTimeoutMs: Math.floor(parsed.KEYSPACE_LAB_NODE_TIMEOUT_MS),
    firstPort: parsed.KEYSPACE_LAB_FIRST_PORT ?? range.first,
    portCount: parsed.KEYSPACE_LAB_PORT_COUNT ?? range.count,
  };
}
