/** Display names for the drill topics (lib/content/drill-schema.ts TOPICS). */
export const TOPIC_NAMES: Record<string, string> = {
  engines: 'Engines',
  'data-types': 'Data types',
  'messaging-and-scripting': 'Pub/Sub, transactions, scripting',
  'caching-patterns': 'Caching patterns',
  stampedes: 'Cache stampedes',
  'cluster-mode': 'Cluster mode',
  replication: 'Replication and failover',
  serverless: 'Serverless',
  security: 'Security',
  operations: 'Backups, monitoring, versions',
  'limits-and-pricing': 'Limits, quotas, pricing',
};
