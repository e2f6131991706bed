/** The drill topics and their names on screen. No dependencies: browser code imports this. */
export const TOPICS = [
  'engines',
  'data-types',
  'messaging-and-scripting',
  'caching-patterns',
  'stampedes',
  'cluster-mode',
  'replication',
  'serverless',
  'security',
  'operations',
  'limits-and-pricing',
] as const;
export type Topic = (typeof TOPICS)[number];

/** How each topic is named on screen: drills, interviews and the dashboard use these words. */
export const TOPIC_LABELS: Record<Topic, string> = {
  engines: 'Engines',
  'data-types': 'Data types',
  'messaging-and-scripting': 'Pub/Sub, transactions, scripting',
  'caching-patterns': 'Caching patterns',
  stampedes: 'Cache stampedes',
  'cluster-mode': 'Cluster mode',
  replication: 'Replication and failover',
  serverless: 'Serverless',
  security: 'Security',
  operations: 'Operations: maintenance, scaling, monitoring',
  'limits-and-pricing': 'Limits, quotas, pricing',
};
