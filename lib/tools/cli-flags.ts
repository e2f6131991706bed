/**
 * The flags the command builder writes, per command, in the order it writes them (the brief's
 * create-replication-group example fixes the order of its flags), each with one line saying what
 * it does and the lesson that teaches it.
 */
import type { Engine } from './facts';

export const CLI_COMMANDS = ['create-replication-group', 'create-cache-cluster', 'create-serverless-cache'] as const;
export type CliCommand = (typeof CLI_COMMANDS)[number];

/** The builder's input: the CLI flags in camelCase (`--num-node-groups` is `numNodeGroups`). */
export interface CliInput {
  command: CliCommand;
  replicationGroupId?: string;
  cacheClusterId?: string;
  serverlessCacheName?: string;
  description?: string;
  globalReplicationGroupId?: string;
  engine?: Engine;
  engineVersion?: string;
  majorEngineVersion?: string;
  cacheNodeType?: string;
  clusterMode?: 'enabled' | 'disabled' | 'compatible';
  numNodeGroups?: number;
  replicasPerNodeGroup?: number;
  numCacheNodes?: number;
  azMode?: 'single-az' | 'cross-az';
  automaticFailover?: boolean;
  multiAz?: boolean;
  transitEncryption?: boolean;
  atRestEncryption?: boolean;
  kmsKeyId?: string;
  cacheSubnetGroupName?: string;
  subnetIds?: string[];
  securityGroupIds?: string[];
  userGroupIds?: string[];
  userGroupId?: string;
  maxDataStorageGb?: number;
  maxEcpuPerSecond?: number;
  snapshotRetentionLimit?: number;
}

export type CliField = Exclude<keyof CliInput, 'command'>;

export interface LessonLink {
  slug: string;
  title: string;
}

export const TOOL_LESSONS = {
  pricing: { slug: 'limits-quotas-pricing', title: 'Limits, quotas and pricing' },
  engines: { slug: 'choosing-an-engine', title: 'Choosing an engine: Valkey, Redis OSS or Memcached' },
  cluster: { slug: 'cluster-mode', title: 'Cluster mode: hash slots, hash tags and redirections' },
  replication: { slug: 'replication-and-failover', title: 'Replication, Multi-AZ failover and Global Datastore' },
  security: { slug: 'security', title: 'Security: network, TLS, authentication and encryption at rest' },
  operations: { slug: 'backups-monitoring-versions', title: 'Backups, monitoring and engine versions' },
  serverless: { slug: 'serverless', title: 'ElastiCache Serverless: scaling, ECPUs and limits' },
} as const satisfies Record<string, LessonLink>;

/**
 * How a field becomes command-line words: a value after the flag, a list of values, a switch
 * written only when true, or Serverless's usage limits (two fields in one shorthand value).
 */
export type FlagKind = 'value' | 'list' | 'switch' | 'usage-limits';

export interface FlagSpec {
  field: CliField;
  flag: string;
  kind: FlagKind;
  explains: string;
  lesson: LessonLink;
}

const flag = (field: CliField, name: string, kind: FlagKind, explains: string, lesson: LessonLink): FlagSpec => ({
  field,
  flag: `--${name}`,
  kind,
  explains,
  lesson,
});

const ENGINE = flag(
  'engine',
  'engine',
  'value',
  'The engine: Valkey costs less than Redis OSS on ElastiCache, with the same commands.',
  TOOL_LESSONS.engines,
);
const DESCRIPTION = flag(
  'description',
  'description',
  'value',
  'Free text shown in the console: say what the cache is for and who owns it.',
  TOOL_LESSONS.pricing,
);
const NODE_TYPE = flag(
  'cacheNodeType',
  'cache-node-type',
  'value',
  'Memory and vCPUs per node, and the price per node-hour.',
  TOOL_LESSONS.pricing,
);
const KMS = flag(
  'kmsKeyId',
  'kms-key-id',
  'value',
  'Your own KMS key for encryption at rest; disabling or deleting it makes the data unrecoverable.',
  TOOL_LESSONS.security,
);
const SECURITY_GROUPS = flag(
  'securityGroupIds',
  'security-group-ids',
  'list',
  'Firewall rules: allow the cache port only from the application’s security group.',
  TOOL_LESSONS.security,
);
const SNAPSHOTS = flag(
  'snapshotRetentionLimit',
  'snapshot-retention-limit',
  'value',
  'Days each daily automatic backup is kept (0 turns backups off, at most 35).',
  TOOL_LESSONS.operations,
);
const TRANSIT = flag(
  'transitEncryption',
  'transit-encryption-enabled',
  'switch',
  'TLS between clients and nodes: every client must connect with TLS.',
  TOOL_LESSONS.security,
);

export const FLAGS: Record<CliCommand, readonly FlagSpec[]> = {
  'create-replication-group': [
    flag(
      'replicationGroupId',
      'replication-group-id',
      'value',
      'The cluster’s name, part of its endpoints; it cannot be renamed.',
      TOOL_LESSONS.pricing,
    ),
    { ...DESCRIPTION, flag: '--replication-group-description' },
    flag(
      'globalReplicationGroupId',
      'global-replication-group-id',
      'value',
      'Joins a Global Datastore as a secondary Region’s cluster (node-based only, large nodes or bigger).',
      TOOL_LESSONS.replication,
    ),
    ENGINE,
    flag(
      'engineVersion',
      'engine-version',
      'value',
      'The engine version: you can upgrade later, never downgrade.',
      TOOL_LESSONS.operations,
    ),
    NODE_TYPE,
    flag(
      'clusterMode',
      'cluster-mode',
      'value',
      'Whether data is sharded across primaries (enabled) or held by one primary (disabled).',
      TOOL_LESSONS.cluster,
    ),
    flag(
      'numNodeGroups',
      'num-node-groups',
      'value',
      'The number of shards, each with its own primary and share of the 16,384 slots.',
      TOOL_LESSONS.cluster,
    ),
    flag(
      'replicasPerNodeGroup',
      'replicas-per-node-group',
      'value',
      'Replicas in each shard (0 to 5): each is a node you pay for.',
      TOOL_LESSONS.replication,
    ),
    flag(
      'automaticFailover',
      'automatic-failover-enabled',
      'switch',
      'Promotes a replica when a primary fails; needs a replica in every shard.',
      TOOL_LESSONS.replication,
    ),
    flag(
      'multiAz',
      'multi-az-enabled',
      'switch',
      'Spreads primaries and replicas across Availability Zones; needs automatic failover.',
      TOOL_LESSONS.replication,
    ),
    TRANSIT,
    flag(
      'atRestEncryption',
      'at-rest-encryption-enabled',
      'switch',
      'Encrypts disk and backups; it can only be chosen when the cluster is created.',
      TOOL_LESSONS.security,
    ),
    KMS,
    flag(
      'cacheSubnetGroupName',
      'cache-subnet-group-name',
      'value',
      'The private subnets the nodes go in: several AZs for Multi-AZ, a free IP per node.',
      TOOL_LESSONS.pricing,
    ),
    SECURITY_GROUPS,
    flag(
      'userGroupIds',
      'user-group-ids',
      'list',
      'RBAC users that may connect: without them (or an AUTH token) anyone who reaches the port has full access.',
      TOOL_LESSONS.security,
    ),
    SNAPSHOTS,
  ],
  'create-cache-cluster': [
    flag(
      'cacheClusterId',
      'cache-cluster-id',
      'value',
      'The cluster’s name, part of its endpoints.',
      TOOL_LESSONS.engines,
    ),
    ENGINE,
    flag(
      'engineVersion',
      'engine-version',
      'value',
      'The Memcached version: an upgrade starts the cache cold.',
      TOOL_LESSONS.engines,
    ),
    NODE_TYPE,
    flag(
      'numCacheNodes',
      'num-cache-nodes',
      'value',
      'Memcached nodes: the client spreads keys over them; there are no replicas.',
      TOOL_LESSONS.engines,
    ),
    flag(
      'azMode',
      'az-mode',
      'value',
      'single-az keeps every node in one Availability Zone; cross-az spreads them.',
      TOOL_LESSONS.engines,
    ),
    TRANSIT,
    flag(
      'cacheSubnetGroupName',
      'cache-subnet-group-name',
      'value',
      'The private subnets the nodes go in.',
      TOOL_LESSONS.pricing,
    ),
    SECURITY_GROUPS,
  ],
  'create-serverless-cache': [
    flag(
      'serverlessCacheName',
      'serverless-cache-name',
      'value',
      'The cache’s name, part of its endpoint.',
      TOOL_LESSONS.serverless,
    ),
    DESCRIPTION,
    ENGINE,
    flag(
      'majorEngineVersion',
      'major-engine-version',
      'value',
      'The major version; ElastiCache applies minor versions itself.',
      TOOL_LESSONS.serverless,
    ),
    flag(
      'maxDataStorageGb',
      'cache-usage-limits',
      'usage-limits',
      'Caps on stored data and ECPUs per second that bound the bill: at the caps it evicts, then refuses writes or throttles.',
      TOOL_LESSONS.serverless,
    ),
    KMS,
    SECURITY_GROUPS,
    flag('subnetIds', 'subnet-ids', 'list', 'The subnets the cache’s endpoints go in.', TOOL_LESSONS.serverless),
    flag(
      'userGroupId',
      'user-group-id',
      'value',
      'The RBAC user group: RBAC is the only authentication Serverless offers.',
      TOOL_LESSONS.security,
    ),
    SNAPSHOTS,
  ],
};

/** The fields a command accepts: its flags', plus the ECPU limit written inside --cache-usage-limits. */
export function fieldsOf(command: CliCommand): Set<CliField> {
  const fields = new Set<CliField>(FLAGS[command].map((spec) => spec.field));
  if (command === 'create-serverless-cache') fields.add('maxEcpuPerSecond');
  return fields;
}
