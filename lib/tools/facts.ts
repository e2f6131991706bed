/**
 * The dated ElastiCache facts the tools and the limits-quotas-pricing lesson share, read from
 * content/facts/elasticache.json (content is data). Nothing here touches a server, so the pages run
 * the same code in the browser as the API routes run on the server.
 */
import facts from '@/content/facts/elasticache.json';

export const ELASTICACHE_FACTS = facts;

export type SourceKey = keyof typeof facts.sources;

export interface FactSource {
  title: string;
  href?: string;
  asOf: string;
}

export function sourceOf(key: SourceKey): FactSource {
  return facts.sources[key];
}

/** The date every price in the tools is labelled with ("estimate, as of <date>"). */
export const PRICES_AS_OF = facts.pricing.asOf;

export type Engine = 'valkey' | 'redis' | 'memcached';

export const ENGINE_LABELS: Record<Engine, string> = { valkey: 'Valkey', redis: 'Redis OSS', memcached: 'Memcached' };

/** Compares dotted versions numerically ("7.10" > "7.2"); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** A version as the CLI takes it: digits separated by dots ("7.2", "1.6.22"). */
export const VERSION_PATTERN = /^\d+(\.\d+){0,2}$/;
