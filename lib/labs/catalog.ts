/**
 * The labs, as the /labs index lists them: each runs real servers of the learner's own, so each
 * says what it starts and which lessons lean on it.
 */
export interface LabEntry {
  href: string;
  title: string;
  summary: string;
  /** What the lab starts for the learner, in a few words. */
  runs: string;
  /** Slugs of the lessons that embed the lab. */
  lessons: string[];
}

export const LABS: readonly LabEntry[] = [
  {
    href: '/labs/cluster',
    title: 'Cluster and failover lab',
    summary:
      'Shard a cluster, follow MOVED and ASK, move slots, kill a primary and time the failover; or run a primary with two replicas behind ElastiCache-style endpoints.',
    runs: '6 Valkey nodes in cluster mode, or a primary and 2 replicas',
    lessons: ['cluster-mode', 'replication-and-failover'],
  },
  {
    href: '/labs/patterns',
    title: 'Caching-patterns lab',
    summary:
      'Put a real Postgres behind a real cache and measure each pattern under load: hit ratio, latency percentiles, origin load, stale reads, stampedes and evictions.',
    runs: 'a cache Valkey, a small-maxmemory Valkey and an embedded Postgres',
    lessons: ['caching-patterns', 'cache-stampedes'],
  },
];
