import 'server-only';
import type Redis from 'ioredis';
import { getValkey } from '@/lib/valkey/connections';

/**
 * Token buckets kept in the app's Valkey, so that limits hold across restarts and processes.
 * One script call per request checks every bucket atomically: refill each by the time elapsed,
 * and take a token from all of them only if all have one; otherwise say how long to wait.
 */
const TAKE_TOKENS = `
local now = tonumber(ARGV[1])
local states, wait = {}, 0
for i, key in ipairs(KEYS) do
  local rate, burst = tonumber(ARGV[i * 2]), tonumber(ARGV[i * 2 + 1])
  local saved = redis.call('HMGET', key, 'tokens', 'at')
  local tokens = math.min(burst, (tonumber(saved[1]) or burst) + (now - (tonumber(saved[2]) or now)) * rate / 1000)
  if tokens < 1 then wait = math.max(wait, math.ceil((1 - tokens) * 1000 / rate)) end
  states[i] = { tokens, rate, burst }
end
for i, key in ipairs(KEYS) do
  local tokens, rate, burst = states[i][1], states[i][2], states[i][3]
  if wait == 0 then tokens = tokens - 1 end
  redis.call('HSET', key, 'tokens', tokens, 'at', now)
  redis.call('PEXPIRE', key, math.ceil(burst * 1000 / rate) + 1000)
end
return wait
`;

export interface Bucket {
  key: string;
  /** Tokens added per second. */
  rate: number;
  burst: number;
}

type WithTakeTokens = Redis & { takeTokens(numberOfKeys: number, ...args: (string | number)[]): Promise<number> };

/** Takes one token from every bucket; returns 0 if allowed, else the milliseconds to wait. */
export async function takeTokens(buckets: Bucket[]): Promise<number> {
  const client = (await getValkey('app')) as WithTakeTokens;
  // defineCommand sends EVALSHA and falls back to EVAL once, so the script crosses the wire rarely.
  if (typeof client.takeTokens !== 'function') client.defineCommand('takeTokens', { lua: TAKE_TOKENS });
  const args = buckets.flatMap((bucket) => [bucket.rate, bucket.burst]);
  const keys = buckets.map((bucket) => `keyspace:rate:${bucket.key}`);
  return Number(await client.takeTokens(keys.length, ...keys, Date.now(), ...args));
}
