/**
 * Bounds of live consoles (pub/sub and client-side caching), each overridable by an environment
 * variable, read when a stream opens or a command runs (so tests and operators can change them).
 */
export interface LiveLimits {
  /** Live streams one learner may hold open at once (browser tabs with a subscribed console). */
  streamsPerLearner: number;
  /** Live streams this app process holds at once, for every learner together. */
  streamsTotal: number;
  /** Channels, patterns and shard channels one learner is subscribed to, over all their consoles. */
  subscriptionsPerLearner: number;
  /** Messages one stream delivers per second; the rest are dropped and counted. */
  messagesPerSecond: number;
  /** A stream with no command from its console and no message for this long is closed. */
  idleSeconds: number;
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? Number.NaN : Number(raw);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export function liveLimits(): LiveLimits {
  return {
    streamsPerLearner: positive('KEYSPACE_SANDBOX_MAX_LIVE_STREAMS', 3),
    streamsTotal: positive('KEYSPACE_SANDBOX_MAX_LIVE_STREAMS_TOTAL', 500),
    subscriptionsPerLearner: positive('KEYSPACE_SANDBOX_MAX_SUBSCRIPTIONS', 20),
    messagesPerSecond: positive('KEYSPACE_SANDBOX_LIVE_MESSAGES_PER_SECOND', 20),
    idleSeconds: positive('KEYSPACE_SANDBOX_LIVE_IDLE_SECONDS', 600),
  };
}
