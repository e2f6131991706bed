/**
 * The tools' facts and the limits-quotas-pricing lesson's quota table say the same thing: the
 * lesson's rows are prose with citations, so this test holds them to content/facts/elasticache.json.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareVersions, ELASTICACHE_FACTS } from './facts';

const lesson = readFileSync(path.join(process.cwd(), 'content/lessons/limits-quotas-pricing.mdx'), 'utf8');
const { quotas } = ELASTICACHE_FACTS;
const n = (value: number) => value.toLocaleString('en-US');
const row = (name: string) => lesson.split('\n').find((line) => line.startsWith(`| ${name} |`)) ?? '';

describe('the lesson’s quota table and content/facts/elasticache.json', () => {
  it('agree on every quota the tools check', () => {
    expect(row('Nodes per cluster, cluster mode enabled')).toContain(
      `${quotas.nodesPerCluster.default} by default; up to ${quotas.nodesPerCluster.raisedMax} on Valkey ${quotas.nodesPerCluster.raisedMaxNeeds.valkey}+ or Redis OSS ${quotas.nodesPerCluster.raisedMaxNeeds.redis}+ (${quotas.nodesPerCluster.raisedMaxOlderVersions} on older versions)`,
    );
    expect(row('Nodes per shard')).toContain(
      `${quotas.replicasPerShard.max + 1}: one primary and up to ${quotas.replicasPerShard.max} replicas`,
    );
    expect(row('Shards per cluster')).toContain(`Up to ${quotas.shardsPerCluster.max}`);
    expect(row('Nodes per Region')).toContain(String(quotas.nodesPerRegion.default));
    expect(row('Memcached nodes per cluster')).toMatch(
      new RegExp(`${quotas.memcachedNodesPerCluster.default}\\b.*${quotas.memcachedNodesPerCluster.raisedMax}\\b`),
    );
    expect(row('Serverless data storage')).toContain(
      `from ${n(quotas.serverlessDataStorageGb.min)} GB up to ${n(quotas.serverlessDataStorageGb.max)} GB`,
    );
    expect(row('Serverless throughput')).toContain(
      `from ${n(quotas.serverlessEcpuPerSecond.min)} up to ${n(quotas.serverlessEcpuPerSecond.max)} ECPUs per second`,
    );
    expect(row('Automatic backups')).toContain(`Kept at most ${quotas.snapshotRetentionDays.max} days`);
    expect(row('Global Datastore')).toContain(`up to ${quotas.globalDatastoreSecondaryRegions.max} secondary Regions`);
  });

  it('cite a source with a date for every fact', () => {
    const sources = ELASTICACHE_FACTS.sources;
    const cited = JSON.stringify(ELASTICACHE_FACTS).match(/"source":"(\w+)"/g) ?? [];
    expect(cited.length).toBeGreaterThan(10);
    for (const entry of cited) {
      const key = /"source":"(\w+)"/.exec(entry)![1] as keyof typeof sources;
      expect(sources[key], key).toBeDefined();
      expect(sources[key].asOf).toMatch(/^\d{4}-\d{2}$/);
    }
  });
});

describe('compareVersions', () => {
  it('compares dotted versions numerically', () => {
    expect(compareVersions('7.10', '7.2')).toBeGreaterThan(0);
    expect(compareVersions('5.0.6', '5.0.6')).toBe(0);
    expect(compareVersions('5.0.5', '5.0.6')).toBeLessThan(0);
    expect(compareVersions('8', '7.2')).toBeGreaterThan(0);
  });
});
