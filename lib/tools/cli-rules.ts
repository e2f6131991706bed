/**
 * What AWS rejects (errors) or what a reviewer would question (warnings) in a creation command,
 * as rules over the builder's input. Every limit comes from content/facts/elasticache.json, with
 * its source and date; the messages say what is wrong and what to do.
 */
import { fieldsOf, type CliField, type CliInput } from './cli-flags';
import { compareVersions, ELASTICACHE_FACTS, ENGINE_LABELS, VERSION_PATTERN, type Engine } from './facts';

export interface CliIssue {
  /** The input field the issue is about, so a form can show it beside that field. */
  field: CliField | 'command';
  message: string;
}

export interface CliCheck {
  errors: CliIssue[];
  warnings: CliIssue[];
}

const { quotas, engines, globalDatastoreNodeFamilies } = ELASTICACHE_FACTS;
const NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9-]*$/;
const NODE_TYPE_PATTERN = /^cache\.([a-z0-9]+)\.([a-z0-9]+)$/;
const SIZE_ORDER = ['nano', 'micro', 'small', 'medium', 'large'];

const FIELD_LABELS: Partial<Record<CliField, string>> = {
  replicationGroupId: 'A replication group ID',
  cacheClusterId: 'A cluster ID',
  serverlessCacheName: 'A cache name',
};

class Issues implements CliCheck {
  errors: CliIssue[] = [];
  warnings: CliIssue[] = [];
  error(field: CliIssue['field'], message: string) {
    this.errors.push({ field, message });
  }
  warn(field: CliIssue['field'], message: string) {
    this.warnings.push({ field, message });
  }
  /** An integer within [min, max], when given. */
  range(field: CliField, value: number | undefined, min: number, max: number, what: string) {
    if (value === undefined) return;
    if (!Number.isInteger(value) || value < min || value > max)
      this.error(field, `${what} must be a whole number from ${min} to ${max.toLocaleString('en-US')} (got ${value}).`);
  }
}

function checkName(issues: Issues, field: CliField, value: string | undefined) {
  const label = FIELD_LABELS[field] ?? 'A name';
  if (!value) return issues.error(field, `${label} is required.`);
  if (!NAME_PATTERN.test(value))
    issues.error(field, `${label} starts with a letter and holds only letters, digits and hyphens.`);
  else if (value !== value.toLowerCase())
    issues.warn(field, `ElastiCache stores the name in lowercase: "${value.toLowerCase()}".`);
}

function checkNodeType(issues: Issues, input: CliInput): RegExpExecArray | null {
  if (!input.cacheNodeType) {
    issues.error('cacheNodeType', 'A node type is required, such as cache.r7g.large.');
    return null;
  }
  const match = NODE_TYPE_PATTERN.exec(input.cacheNodeType);
  if (!match) issues.error('cacheNodeType', 'A node type looks like cache.<family>.<size>, such as cache.r7g.large.');
  return match;
}

function checkEngineVersion(issues: Issues, engine: Engine, version: string | undefined) {
  if (version === undefined || version === '') return;
  if (!VERSION_PATTERN.test(version))
    return issues.error('engineVersion', `An engine version is numbers and dots, such as 7.2 (got "${version}").`);
  const major = Number(version.split('.')[0]);
  if (engine === 'valkey' && compareVersions(version, engines.valkeyFirstVersion.version) < 0)
    issues.error('engineVersion', `Valkey on ElastiCache starts at ${engines.valkeyFirstVersion.version}.`);
  if (engine === 'memcached' && major !== 1)
    issues.error('engineVersion', 'Memcached versions are 1.x, such as 1.6.22.');
  if (engine === 'redis' && engines.redisExtendedSupport.majors.includes(major))
    issues.warn(
      'engineVersion',
      `Redis OSS ${major} is on paid Extended Support from ${engines.redisExtendedSupport.chargesFrom} until ${engines.redisExtendedSupport.until}: choose Valkey or a newer version.`,
    );
  if (engine === 'redis' && major === 6)
    issues.warn('engineVersion', `Standard support for Redis OSS 6 ends on ${engines.redis6StandardSupportEnds.date}.`);
}

const MEMCACHED_HAS_NONE = 'Memcached has no replication, failover or backups: use Valkey for those.';
const SERVERLESS_SCALES_ITSELF = 'Serverless has no node types, shards or replicas to choose: it scales itself.';

/** Why a field that AWS would reject for this command does not apply, where a general "not an option" is not enough. */
const WHY_NOT: Partial<Record<CliInput['command'], Partial<Record<CliField, string>>>> = {
  'create-cache-cluster': {
    replicasPerNodeGroup: MEMCACHED_HAS_NONE,
    automaticFailover: MEMCACHED_HAS_NONE,
    multiAz: MEMCACHED_HAS_NONE,
    snapshotRetentionLimit: MEMCACHED_HAS_NONE,
    globalReplicationGroupId: 'Global Datastore is for Valkey and Redis OSS, not Memcached.',
  },
  'create-serverless-cache': {
    globalReplicationGroupId: 'Serverless caches cannot join a Global Datastore: it is node-based only.',
    transitEncryption: 'Serverless always uses TLS: there is nothing to turn on or off.',
    cacheNodeType: SERVERLESS_SCALES_ITSELF,
    numNodeGroups: SERVERLESS_SCALES_ITSELF,
    replicasPerNodeGroup: SERVERLESS_SCALES_ITSELF,
    multiAz: 'Serverless places its replicas itself: there is no Multi-AZ flag to set.',
  },
};

/** Fields the command has no flag for: the API says so rather than dropping them. */
function checkFieldsBelong(issues: Issues, input: CliInput) {
  const allowed = fieldsOf(input.command);
  for (const [field, value] of Object.entries(input) as [CliField | 'command', unknown][]) {
    if (field === 'command' || value === undefined || allowed.has(field)) continue;
    issues.error(field, WHY_NOT[input.command]?.[field] ?? `"${field}" is not an option of ${input.command}.`);
  }
}

function checkReplicationGroup(issues: Issues, input: CliInput) {
  checkName(issues, 'replicationGroupId', input.replicationGroupId);
  if (!input.description) issues.error('description', 'A description is required by create-replication-group.');
  const engine = input.engine ?? 'valkey';
  if (engine === 'memcached')
    issues.error('engine', 'Memcached has no replication groups: build create-cache-cluster instead.');
  checkEngineVersion(issues, engine, input.engineVersion);
  const nodeType = checkNodeType(issues, input);

  const shards = input.numNodeGroups ?? 1;
  const replicas = input.replicasPerNodeGroup ?? 0;
  issues.range('numNodeGroups', input.numNodeGroups, 1, quotas.shardsPerCluster.max, 'Shards (node groups)');
  issues.range(
    'replicasPerNodeGroup',
    input.replicasPerNodeGroup,
    quotas.replicasPerShard.min,
    quotas.replicasPerShard.max,
    'Replicas per shard',
  );
  issues.range(
    'snapshotRetentionLimit',
    input.snapshotRetentionLimit,
    quotas.snapshotRetentionDays.min,
    quotas.snapshotRetentionDays.max,
    'Snapshot retention (days)',
  );

  const clusterModeEnabled = input.clusterMode === 'enabled' || shards > 1;
  if (input.clusterMode === 'disabled' && shards > 1)
    issues.error(
      'numNodeGroups',
      'With cluster mode disabled there is exactly one shard: enable cluster mode or set 1.',
    );
  if (clusterModeEnabled && !input.automaticFailover)
    issues.error(
      'automaticFailover',
      'Cluster mode enabled needs automatic failover: add --automatic-failover-enabled.',
    );
  if (input.multiAz && !input.automaticFailover)
    issues.error('multiAz', 'Multi-AZ needs automatic failover: add --automatic-failover-enabled.');
  if ((input.multiAz || input.automaticFailover) && replicas < 1)
    issues.error('replicasPerNodeGroup', 'Multi-AZ and automatic failover need at least 1 replica per shard.');
  if (shards > 1 && input.clusterMode === undefined)
    issues.warn(
      'clusterMode',
      'Several shards mean cluster mode: set --cluster-mode enabled (or a cluster-mode parameter group) so the command creates the mode you expect.',
    );

  const nodes = shards * (1 + replicas);
  const versionAllowsRaisedMax =
    input.engineVersion === undefined || input.engineVersion === '' || !VERSION_PATTERN.test(input.engineVersion)
      ? true
      : compareVersions(
          input.engineVersion,
          quotas.nodesPerCluster.raisedMaxNeeds[engine === 'redis' ? 'redis' : 'valkey'],
        ) >= 0;
  const hardMax = versionAllowsRaisedMax
    ? quotas.nodesPerCluster.raisedMax
    : quotas.nodesPerCluster.raisedMaxOlderVersions;
  if (nodes > hardMax)
    issues.error(
      'numNodeGroups',
      `${shards} × (1 + ${replicas}) = ${nodes} nodes, over the ${hardMax}-node maximum per cluster for this version.`,
    );
  else if (nodes > quotas.nodesPerCluster.default)
    issues.warn(
      'numNodeGroups',
      `${shards} × (1 + ${replicas}) = ${nodes} nodes, over the default quota of ${quotas.nodesPerCluster.default} per cluster: request an increase first.`,
    );

  if (input.kmsKeyId && !input.atRestEncryption)
    issues.error('kmsKeyId', 'A KMS key encrypts data at rest: add --at-rest-encryption-enabled or remove the key.');
  if (!input.atRestEncryption)
    issues.warn(
      'atRestEncryption',
      'At-rest encryption can only be chosen now: adding it later means restoring a backup into a new cluster.',
    );
  if (!input.transitEncryption)
    issues.warn(
      'transitEncryption',
      'Without in-transit encryption, data and passwords cross the network in clear text.',
    );
  else if (!input.userGroupIds?.length)
    issues.warn(
      'userGroupIds',
      'TLS without RBAC users (or an AUTH token) lets any client that reaches the port in: add --user-group-ids.',
    );
  if (input.userGroupIds?.length && input.engineVersion && VERSION_PATTERN.test(input.engineVersion)) {
    const needs = engines.rbacNeeds[engine === 'redis' ? 'redis' : 'valkey'];
    if (compareVersions(input.engineVersion, needs) < 0)
      issues.error('userGroupIds', `RBAC needs ${ENGINE_LABELS[engine]} ${needs} or later.`);
  }

  if (input.globalReplicationGroupId && nodeType) {
    const [, family = '', size = ''] = nodeType;
    const tooSmall = SIZE_ORDER.includes(size) && size !== globalDatastoreNodeFamilies.smallestSize;
    if (!globalDatastoreNodeFamilies.families.includes(family) || tooSmall)
      issues.error(
        'cacheNodeType',
        `Global Datastore needs ${globalDatastoreNodeFamilies.families.map((each) => each.toUpperCase()).join(', ')} nodes of size large or bigger.`,
      );
  }
}

function checkCacheCluster(issues: Issues, input: CliInput) {
  checkName(issues, 'cacheClusterId', input.cacheClusterId);
  const engine = input.engine ?? 'memcached';
  if (engine !== 'memcached')
    issues.error(
      'engine',
      'This builder writes create-cache-cluster for Memcached: build create-replication-group for Valkey and Redis OSS.',
    );
  checkEngineVersion(issues, 'memcached', input.engineVersion);
  checkNodeType(issues, input);
  const limits = quotas.memcachedNodesPerCluster;
  if (input.numCacheNodes === undefined) issues.error('numCacheNodes', 'The number of nodes is required.');
  issues.range('numCacheNodes', input.numCacheNodes, 1, limits.raisedMax, 'Memcached nodes');
  if (
    input.numCacheNodes !== undefined &&
    input.numCacheNodes > limits.default &&
    input.numCacheNodes <= limits.raisedMax
  )
    issues.warn(
      'numCacheNodes',
      `More than ${limits.default} nodes needs a quota increase (up to ${limits.raisedMax}).`,
    );
  if (input.azMode === 'cross-az' && (input.numCacheNodes ?? 0) < 2)
    issues.warn(
      'azMode',
      'cross-az spreads nodes over Availability Zones: it needs at least 2 nodes to mean anything.',
    );
  if (input.numCacheNodes === 1)
    issues.warn('numCacheNodes', 'Memcached has no replicas: with one node, losing it empties the cache.');
}

function checkServerless(issues: Issues, input: CliInput) {
  checkName(issues, 'serverlessCacheName', input.serverlessCacheName);
  const engine = input.engine ?? 'valkey';
  const version = input.majorEngineVersion;
  if (version) {
    const minimum = engines.serverlessMinimumVersions[engine];
    if (!/^\d+$/.test(version))
      issues.error('majorEngineVersion', `A major version is a whole number, such as 8 (got "${version}").`);
    else if (compareVersions(version, minimum.split('.')[0] ?? minimum) < 0)
      issues.error(
        'majorEngineVersion',
        `Serverless ${ENGINE_LABELS[engine]} starts at ${minimum} (an AWS source we could not confirm in the official docs).`,
      );
  }
  const storage = quotas.serverlessDataStorageGb;
  const ecpu = quotas.serverlessEcpuPerSecond;
  issues.range('maxDataStorageGb', input.maxDataStorageGb, storage.min, storage.max, 'Maximum data storage (GB)');
  issues.range('maxEcpuPerSecond', input.maxEcpuPerSecond, ecpu.min, ecpu.max, 'Maximum ECPUs per second');
  if (input.maxDataStorageGb === undefined && input.maxEcpuPerSecond === undefined)
    issues.warn(
      'maxDataStorageGb',
      'No usage limits: the cache (and the bill) can grow to 5,000 GB and 15,000,000 ECPUs per second.',
    );
  issues.range(
    'snapshotRetentionLimit',
    input.snapshotRetentionLimit,
    quotas.snapshotRetentionDays.min,
    quotas.snapshotRetentionDays.max,
    'Snapshot retention (days)',
  );
}

/** Rules common to every command, then the command's own. */
export function checkCliInput(input: CliInput): CliCheck {
  const issues = new Issues();
  checkFieldsBelong(issues, input);
  if (input.command === 'create-serverless-cache') checkServerless(issues, input);
  else if (input.command === 'create-cache-cluster') checkCacheCluster(issues, input);
  else checkReplicationGroup(issues, input);
  return issues;
}
