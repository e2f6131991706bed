/** The cache server's memory and eviction counters, from INFO. */
import type Redis from 'ioredis';

export interface ServerStats {
  usedMemoryBytes: number;
  /** Keys evicted since the server started (server-wide: runs at the same time share it). */
  evictedKeys: number;
}

const field = (info: string, name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)?.[1] ?? 0);

export async function readServerStats(admin: Redis): Promise<ServerStats> {
  const info = (await admin.call('INFO', 'memory', 'stats')) as string;
  return { usedMemoryBytes: field(info, 'used_memory'), evictedKeys: field(info, 'evicted_keys') };
}
