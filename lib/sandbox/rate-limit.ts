import 'server-only';
import type Redis from 'ioredis';
import { getValkey } from '@/lib/valkey/connections';
import { rateLimitKey } from '@/lib/valkey/keys';

/**
 * Token buckets kept in the app's Valkey, so that limits hold across restarts and processes.
 * One script call checks every bucket it is given atomically: refill each by the time elapsed,
 * and take tokens from all of them only if all have at least one; otherwise say how long to wait.
 *
 * To spare most requests that script call, a process may take a small batch of tokens from a
 * bucket at once (a lease) and spend them itself, for LEASE_MS at most; what is left then is
 * dropped, never returned. Batches start at one token and grow only for a bucket that spends a
 * whole batch within LEASE_MS, so a learner typing by hand costs exactly one token per command.
 *
 * What this keeps, across any number of processes: the sustained rate is exact (every token
 * still comes out of the Valkey bucket), and a burst can exceed the bucket's size by at most
 * rate × LEASE_MS (tokens held in leases were all taken within LEASE_MS, during which the bucket
 * refilled by at most that much). What it costs: a command can be refused while up to one
 * batch of tokens sits in another process's lease, or was dropped when a lease ran out.
 */
export const LEASE_MS = 500;
/** Largest batch, whatever the rate; a bucket's batch is also at most rate × LEASE_MS. */
export const MAX_BATCH = 32;
/** Leases kept per process (learners and addresses); the oldest go first past this. */
const MAX_LEASES = 10_000;

const TAKE_TOKENS = `
local now = tonumber(ARGV[1])
local states, wait = {}, 0
for i, key in ipairs(KEYS) do
  local rate, burst = tonumber(ARGV[i * 3 - 1]), tonumber(ARGV[i * 3])
  local saved = redis.call('HMGET', key, 'tokens', 'at')
  local tokens = math.min(burst, (tonumber(saved[1]) or burst) + (now - (tonumber(saved[2]) or now)) * rate / 1000)
  if tokens < 1 then wait = math.max(wait, math.ceil((1 - tokens) * 1000 / rate)) end
  states[i] = tokens
end
local answer = { wait }
for i, key in ipairs(KEYS) do
  local rate, burst, want = tonumber(ARGV[i * 3 - 1]), tonumber(ARGV[i * 3]), tonumber(ARGV[i * 3 + 1])
  local tokens, taken = states[i], 0
  if wait == 0 then
    taken = math.min(want, math.floor(tokens))
    tokens = tokens - taken
  end
  answer[i + 1] = taken
  redis.call('HSET', key, 'tokens', tokens, 'at', now)
  redis.call('PEXPIRE', key, math.ceil(burst * 1000 / rate) + 1000)
end
return answer
`;

export interface Bucket {
  key: string;
  /** Tokens added per second. */
  rate: number;
  burst: number;
}

/** Tokens a process took from a bucket at once, spent by this process only, until LEASE_MS after `takenAt`. */
interface Batch {
  granted: number;
  tokens: number;
  takenAt: number;
}

/** A bucket's unspent batches, oldest first, and the latest one (which sizes the next). */
interface Lease {
  batches: Batch[];
  latest: Batch;
}

type WithTokenBatches = Redis & {
  takeTokenBatches(numberOfKeys: number, ...args: (string | number)[]): Promise<number[]>;
};

async function appClient(): Promise<WithTokenBatches> {
  const client = (await getValkey('app')) as WithTokenBatches;
  // defineCommand sends EVALSHA and falls back to EVAL once, so the script crosses the wire rarely.
  if (typeof client.takeTokenBatches !== 'function') client.defineCommand('takeTokenBatches', { lua: TAKE_TOKENS });
  return client;
}

/** Takes up to `want[i]` tokens from each bucket, all or nothing: [ms to wait (0 = taken), taken…]. */
async function takeFromValkey(buckets: readonly Bucket[], want: readonly number[], now: number): Promise<number[]> {
  const client = await appClient();
  const keys = buckets.map((bucket) => rateLimitKey(bucket.key));
  const args = buckets.flatMap((bucket, i) => [bucket.rate, bucket.burst, want[i] ?? 1]);
  return (await client.takeTokenBatches(keys.length, ...keys, now, ...args)).map(Number);
}

/** The batch a bucket may lease at most: rate × LEASE_MS, between 1 and MAX_BATCH. */
export function maxBatch(bucket: Bucket): number {
  return Math.max(1, Math.min(MAX_BATCH, Math.floor((bucket.rate * LEASE_MS) / 1000)));
}

/**
 * One process's leases. A server process uses the shared instance behind takeTokens; tests
 * create several to play several processes against one Valkey.
 */
export class TokenLeases {
  private readonly leases = new Map<string, Lease>();
  /** Batch requests in flight, by bucket key: a request that needs only those waits for them. */
  private readonly refills = new Map<string, Promise<unknown>>();
  /** Script calls made so far (how much the batches save shows in tests). */
  valkeyCalls = 0;

  /** Takes one token from every bucket; returns 0 if allowed, else the milliseconds to wait. */
  async take(buckets: readonly Bucket[]): Promise<number> {
    let waited = false;
    for (;;) {
      const now = Date.now();
      const reserved: Batch[] = [];
      const missing: Bucket[] = [];
      for (const bucket of buckets) {
        const batch = this.spend(bucket.key, now);
        if (batch) reserved.push(batch);
        else missing.push(bucket);
      }
      if (missing.length === 0) return 0;
      const inFlight = missing.map((bucket) => this.refills.get(bucket.key));
      if (!waited && inFlight.every((refill) => refill !== undefined)) {
        // Other requests are already fetching a batch of every bucket this one lacks: wait for
        // those (once) rather than make a call of its own.
        giveBack(reserved, now);
        await Promise.allSettled(inFlight);
        waited = true;
        continue;
      }
      // A call is needed anyway. Batches for the buckets nobody is fetching; one exact token
      // from those someone is, so that concurrent requests never stack up batches.
      const want = missing.map((bucket, i) => (inFlight[i] ? 1 : this.nextBatch(bucket, now)));
      this.valkeyCalls++;
      const call = takeFromValkey(missing, want, now);
      missing.forEach((bucket, i) => {
        if (!inFlight[i]) this.refills.set(bucket.key, call);
      });
      let answer: number[];
      try {
        answer = await call;
      } catch (error) {
        giveBack(reserved, Date.now());
        throw error;
      } finally {
        for (const bucket of missing) if (this.refills.get(bucket.key) === call) this.refills.delete(bucket.key);
      }
      const [wait = 0, ...taken] = answer;
      if (wait > 0) return this.refused(missing, reserved, wait);
      missing.forEach((bucket, i) => {
        // One token of it is this request's.
        if (!inFlight[i]) this.add(bucket.key, { granted: taken[i] ?? 1, tokens: (taken[i] ?? 1) - 1, takenAt: now });
      });
      return 0;
    }
  }

  /**
   * Valkey said no, but batches fetched by concurrent requests meanwhile may cover what this
   * request lacked: tokens already taken from the buckets, so spending them is fair.
   */
  private refused(missing: readonly Bucket[], reserved: Batch[], wait: number): number {
    const now = Date.now();
    for (const bucket of missing) {
      const batch = this.spend(bucket.key, now);
      if (!batch) {
        giveBack(reserved, now);
        return wait;
      }
      reserved.push(batch);
    }
    return 0;
  }

  /** Takes a token from the bucket's oldest live batch, or returns nothing. */
  private spend(key: string, now: number): Batch | undefined {
    const lease = this.leases.get(key);
    if (!lease) return undefined;
    for (const batch of lease.batches) {
      if (batch.tokens >= 1 && now - batch.takenAt < LEASE_MS) {
        batch.tokens -= 1;
        return batch;
      }
    }
    return undefined;
  }

  /** Doubles the batch of a bucket that spent its latest one within LEASE_MS; else what it spent. */
  private nextBatch(bucket: Bucket, now: number): number {
    const latest = this.leases.get(bucket.key)?.latest;
    if (!latest) return 1;
    const batch =
      latest.tokens < 1 && now - latest.takenAt < LEASE_MS ? latest.granted * 2 : latest.granted - latest.tokens;
    return Math.max(1, Math.min(maxBatch(bucket), batch));
  }

  private add(key: string, batch: Batch): void {
    const previous = this.leases.get(key);
    const batches = (previous?.batches ?? []).filter(
      (old) => old.tokens >= 1 && batch.takenAt - old.takenAt < LEASE_MS,
    );
    batches.push(batch);
    // Re-inserted, so that Map order (insertion order) puts the least recently refilled first.
    this.leases.delete(key);
    this.leases.set(key, { batches, latest: batch });
    if (this.leases.size <= MAX_LEASES) return;
    for (const stale of this.leases.keys()) {
      this.leases.delete(stale);
      if (this.leases.size <= MAX_LEASES * 0.9) break;
    }
  }
}

/** Returns reserved tokens to their batches, if still live: a token never outlives its LEASE_MS. */
function giveBack(reserved: readonly Batch[], now: number): void {
  for (const batch of reserved) if (now - batch.takenAt < LEASE_MS) batch.tokens += 1;
}

const shared = globalThis as typeof globalThis & { keyspaceTokenLeases?: TokenLeases };

/** Takes one token from every bucket; returns 0 if allowed, else the milliseconds to wait. */
export function takeTokens(buckets: Bucket[]): Promise<number> {
  shared.keyspaceTokenLeases ??= new TokenLeases();
  return shared.keyspaceTokenLeases.take(buckets);
}
