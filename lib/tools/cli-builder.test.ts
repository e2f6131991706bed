import { describe, expect, it } from 'vitest';
import { buildCliCommand, shellWord } from './cli-builder';
import { contentLibrary } from '@/lib/content/lessons';
import { BRIEF_COMMAND, BRIEF_INPUT } from './brief-example.fixtures';
import { TOOL_LESSONS, type CliInput } from './cli-flags';

const errorsOf = (input: CliInput) => buildCliCommand(input).errors;
const warningsOf = (input: CliInput) => buildCliCommand(input).warnings;
const brief = (changes: Partial<CliInput>): CliInput => ({ ...BRIEF_INPUT, ...changes });

describe('the brief’s example', () => {
  it('is reproduced exactly: same flags, same order, same line continuations', () => {
    const build = buildCliCommand(BRIEF_INPUT);
    expect(build.command).toBe(BRIEF_COMMAND);
    expect(build.errors).toEqual([]);
  });

  it('explains every flag it wrote in one line, linked to a lesson', () => {
    const { flags } = buildCliCommand(BRIEF_INPUT);
    expect(flags.map((each) => each.flag)).toEqual(
      BRIEF_COMMAND.split('\n')
        .slice(1)
        .map((line) => line.trim().split(' ')[0]),
    );
    for (const each of flags) {
      expect(each.explains).toMatch(/^[A-Z].+\.$/);
      expect(each.explains).not.toContain('\n');
      expect(each.lesson.slug).toMatch(/^[a-z-]+$/);
    }
  });

  it('warns what a reviewer would: cluster mode left implicit, TLS without RBAC users', () => {
    expect(warningsOf(BRIEF_INPUT).map((each) => each.field)).toEqual(['clusterMode', 'userGroupIds']);
    expect(warningsOf(brief({ clusterMode: 'enabled', userGroupIds: ['app-users'] }))).toEqual([]);
  });
});

describe('validation rules', () => {
  it('Multi-AZ needs automatic failover and at least one replica', () => {
    expect(errorsOf(brief({ numNodeGroups: 1, automaticFailover: false }))).toContainEqual({
      field: 'multiAz',
      message: 'Multi-AZ needs automatic failover: add --automatic-failover-enabled.',
    });
    expect(errorsOf(brief({ replicasPerNodeGroup: 0 }))).toContainEqual({
      field: 'replicasPerNodeGroup',
      message: 'Multi-AZ and automatic failover need at least 1 replica per shard.',
    });
  });

  it('cluster mode enabled needs automatic failover; cluster mode disabled has one shard', () => {
    const noFailover = brief({ multiAz: false, automaticFailover: false });
    expect(errorsOf(noFailover).map((each) => each.field)).toEqual(['automaticFailover']);
    expect(errorsOf({ ...noFailover, numNodeGroups: 1, clusterMode: 'enabled' }).map((each) => each.field)).toEqual([
      'automaticFailover',
    ]);
    expect(errorsOf({ ...noFailover, numNodeGroups: 1 })).toEqual([]);
    expect(errorsOf(brief({ clusterMode: 'disabled' })).map((each) => each.field)).toEqual(['numNodeGroups']);
  });

  it('replicas per shard are 0 to 5, shards 1 to 500', () => {
    expect(errorsOf(brief({ replicasPerNodeGroup: 5 }))).toEqual([]);
    expect(errorsOf(brief({ replicasPerNodeGroup: 6 }))[0]?.message).toBe(
      'Replicas per shard must be a whole number from 0 to 5 (got 6).',
    );
    expect(errorsOf(brief({ numNodeGroups: 0 })).map((each) => each.field)).toContain('numNodeGroups');
    expect(errorsOf(brief({ numNodeGroups: 501, replicasPerNodeGroup: 1 })).map((each) => each.field)).toContain(
      'numNodeGroups',
    );
  });

  it('counts every node against the per-cluster quota: 90 by default, 500 on Valkey 7.2+, 250 before', () => {
    expect(warningsOf(brief({ numNodeGroups: 15, replicasPerNodeGroup: 5 })).map((each) => each.field)).not.toContain(
      'numNodeGroups',
    );
    expect(warningsOf(brief({ numNodeGroups: 20, replicasPerNodeGroup: 5 }))).toContainEqual({
      field: 'numNodeGroups',
      message: '20 × (1 + 5) = 120 nodes, over the default quota of 90 per cluster: request an increase first.',
    });
    expect(errorsOf(brief({ numNodeGroups: 84, replicasPerNodeGroup: 5 }))[0]?.message).toBe(
      '84 × (1 + 5) = 504 nodes, over the 500-node maximum per cluster for this version.',
    );
    const oldRedis = brief({ engine: 'redis', engineVersion: '5.0.5', numNodeGroups: 42, replicasPerNodeGroup: 5 });
    expect(errorsOf(oldRedis).map((each) => each.message)).toContain(
      '42 × (1 + 5) = 252 nodes, over the 250-node maximum per cluster for this version.',
    );
  });

  it('snapshot retention is 0 to 35 days', () => {
    expect(errorsOf(brief({ snapshotRetentionLimit: 35 }))).toEqual([]);
    expect(errorsOf(brief({ snapshotRetentionLimit: 0 }))).toEqual([]);
    expect(errorsOf(brief({ snapshotRetentionLimit: 36 }))).toEqual([
      {
        field: 'snapshotRetentionLimit',
        message: 'Snapshot retention (days) must be a whole number from 0 to 35 (got 36).',
      },
    ]);
  });

  it('at-rest encryption is chosen at creation only, and a KMS key needs it', () => {
    const withoutAtRest = brief({ atRestEncryption: false });
    expect(errorsOf(withoutAtRest)).toEqual([
      {
        field: 'kmsKeyId',
        message: 'A KMS key encrypts data at rest: add --at-rest-encryption-enabled or remove the key.',
      },
    ]);
    expect(warningsOf({ ...withoutAtRest, kmsKeyId: undefined }).map((each) => each.field)).toContain(
      'atRestEncryption',
    );
  });

  it('checks engine versions against the engine and the node type', () => {
    expect(errorsOf(brief({ engineVersion: '7.0' }))[0]?.message).toBe('Valkey on ElastiCache starts at 7.2.');
    expect(errorsOf(brief({ engineVersion: 'latest' }))[0]?.field).toBe('engineVersion');
    expect(warningsOf(brief({ engine: 'redis', engineVersion: '5.0.6' })).map((each) => each.message)).toContain(
      'Redis OSS 5 is on paid Extended Support from 2026-02-01 until 2029-01-31: choose Valkey or a newer version.',
    );
    expect(warningsOf(brief({ engine: 'redis', engineVersion: '6.2' })).map((each) => each.message)).toContain(
      'Standard support for Redis OSS 6 ends on 2027-01-31.',
    );
    expect(errorsOf(brief({ engine: 'redis', engineVersion: '5.0.6', userGroupIds: ['u'] }))[0]?.message).toBe(
      'RBAC needs Redis OSS 6.0 or later.',
    );
    expect(errorsOf(brief({ cacheNodeType: 'r7g.large' }))[0]?.field).toBe('cacheNodeType');
    expect(errorsOf(brief({ engine: 'memcached' }))[0]?.message).toBe(
      'Memcached has no replication groups: build create-cache-cluster instead.',
    );
  });

  it('Global Datastore needs its node families at size large or bigger', () => {
    expect(errorsOf(brief({ globalReplicationGroupId: 'ldgnf-global' }))).toEqual([]);
    for (const cacheNodeType of ['cache.t4g.medium', 'cache.r7g.medium', 'cache.m6i.large'])
      expect(errorsOf(brief({ globalReplicationGroupId: 'ldgnf-global', cacheNodeType }))[0]?.field).toBe(
        'cacheNodeType',
      );
    expect(errorsOf(brief({ globalReplicationGroupId: 'ldgnf-global', cacheNodeType: 'cache.r6gd.4xlarge' }))).toEqual(
      [],
    );
  });

  it('names must start with a letter and hold letters, digits and hyphens', () => {
    expect(errorsOf(brief({ replicationGroupId: '1cache' }))[0]?.field).toBe('replicationGroupId');
    expect(errorsOf(brief({ replicationGroupId: '' }))[0]?.message).toBe('A replication group ID is required.');
    expect(warningsOf(brief({ replicationGroupId: 'Prod' }))[0]?.message).toBe(
      'ElastiCache stores the name in lowercase: "prod".',
    );
  });
});

describe('create-cache-cluster (Memcached)', () => {
  const MEMCACHED: CliInput = {
    command: 'create-cache-cluster',
    cacheClusterId: 'web-sessions',
    engine: 'memcached',
    engineVersion: '1.6.22',
    cacheNodeType: 'cache.m7g.large',
    numCacheNodes: 3,
    azMode: 'cross-az',
    cacheSubnetGroupName: 'prod-private',
    securityGroupIds: ['sg-0abc123', 'sg-0def456'],
  };

  it('writes the command with the Memcached flags', () => {
    const build = buildCliCommand(MEMCACHED);
    expect(build.command).toBe(`aws elasticache create-cache-cluster \\
  --cache-cluster-id web-sessions \\
  --engine memcached \\
  --engine-version 1.6.22 \\
  --cache-node-type cache.m7g.large \\
  --num-cache-nodes 3 \\
  --az-mode cross-az \\
  --cache-subnet-group-name prod-private \\
  --security-group-ids sg-0abc123 sg-0def456`);
    expect(build.errors).toEqual([]);
  });

  it('refuses replication, failover and backups, and Global Datastore', () => {
    expect(errorsOf({ ...MEMCACHED, replicasPerNodeGroup: 1 })[0]?.message).toBe(
      'Memcached has no replication, failover or backups: use Valkey for those.',
    );
    expect(errorsOf({ ...MEMCACHED, globalReplicationGroupId: 'x' })[0]?.field).toBe('globalReplicationGroupId');
    expect(errorsOf({ ...MEMCACHED, engine: 'valkey' })[0]?.field).toBe('engine');
  });

  it('holds the node count within the quota: 40 by default, 60 after an increase', () => {
    expect(warningsOf({ ...MEMCACHED, numCacheNodes: 41 })[0]?.message).toBe(
      'More than 40 nodes needs a quota increase (up to 60).',
    );
    expect(errorsOf({ ...MEMCACHED, numCacheNodes: 61 })[0]?.field).toBe('numCacheNodes');
    expect(warningsOf({ ...MEMCACHED, numCacheNodes: 1 }).map((each) => each.field)).toEqual([
      'azMode',
      'numCacheNodes',
    ]);
  });
});

describe('create-serverless-cache', () => {
  const SERVERLESS: CliInput = {
    command: 'create-serverless-cache',
    serverlessCacheName: 'sessions',
    description: 'Session store',
    engine: 'valkey',
    majorEngineVersion: '8',
    maxDataStorageGb: 100,
    maxEcpuPerSecond: 50000,
    securityGroupIds: ['sg-0abc123'],
    subnetIds: ['subnet-1', 'subnet-2'],
    userGroupId: 'app-users',
    snapshotRetentionLimit: 1,
  };

  it('writes the usage limits quoted, so the shell leaves the braces alone', () => {
    const build = buildCliCommand(SERVERLESS);
    expect(build.command).toContain(
      `  --cache-usage-limits 'DataStorage={Maximum=100,Unit=GB},ECPUPerSecond={Maximum=50000}' \\\n`,
    );
    expect(build.command.split('\n')[0]).toBe('aws elasticache create-serverless-cache \\');
    expect(build.errors).toEqual([]);
    expect(build.warnings).toEqual([]);
  });

  it('holds usage limits to 1–5,000 GB and 1,000–15,000,000 ECPUs per second', () => {
    expect(errorsOf({ ...SERVERLESS, maxDataStorageGb: 5001 })[0]?.field).toBe('maxDataStorageGb');
    expect(errorsOf({ ...SERVERLESS, maxEcpuPerSecond: 999 })[0]?.field).toBe('maxEcpuPerSecond');
    expect(errorsOf({ ...SERVERLESS, maxEcpuPerSecond: 15_000_000 })).toEqual([]);
  });

  it('refuses what Serverless does not have: Global Datastore, TLS off, node types and shards', () => {
    expect(errorsOf({ ...SERVERLESS, globalReplicationGroupId: 'g' })[0]?.message).toBe(
      'Serverless caches cannot join a Global Datastore: it is node-based only.',
    );
    expect(errorsOf({ ...SERVERLESS, transitEncryption: false })[0]?.field).toBe('transitEncryption');
    expect(errorsOf({ ...SERVERLESS, cacheNodeType: 'cache.r7g.large', numNodeGroups: 2 }).map((e) => e.field)).toEqual(
      ['cacheNodeType', 'numNodeGroups'],
    );
    expect(errorsOf({ ...SERVERLESS, majorEngineVersion: '6' })[0]?.field).toBe('majorEngineVersion');
  });
});

describe('shellWord', () => {
  it('quotes what the shell would split or expand', () => {
    expect(shellWord('prod-cache')).toBe('prod-cache');
    expect(shellWord('a "b" $HOME')).toBe('"a \\"b\\" \\$HOME"');
    expect(shellWord('hi!')).toBe(`'hi!'`);
  });
});

describe('the lessons the flags link to', () => {
  it('exist, under the titles the builder shows', () => {
    const titles = new Map(contentLibrary().lessons.map((lesson) => [lesson.slug, lesson.title]));
    for (const lesson of Object.values(TOOL_LESSONS)) expect(titles.get(lesson.slug)).toBe(lesson.title);
  });
});
