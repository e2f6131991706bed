import 'server-only';
import { getValkey } from '@/lib/valkey/connections';

/**
 * Token buckets kept in the app's Valkey, so that limits hold across restarts and processes.
 * Atomic in one script: refill by elapsed time, take a token if there is one, say how long to wait.
 */
const TAKE_TOKEN = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + (now - at) * rate / 1000)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) * 1000 / rate) end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
return wait
`;

export interface Bucket {
  key: string;
  /** Tokens added per second. */
  rate: number;
  burst: number;
}

/** Takes one token from each bucket; returns 0 if allowed, else the milliseconds to wait. */
export async function takeTokens(buckets: Bucket[]): Promise<number> {
  const client = await getValkey('app');
  const now = Date.now();
  const waits = await Promise.all(
    buckets.map((bucket) => client.eval(TAKE_TOKEN, 1, `keyspace:rate:${bucket.key}`, bucket.rate, bucket.burst, now) as Promise<number>),
  );
  return Math.max(0, ...waits.map(Number));
}
