/**
 * The product brief's `create-replication-group` example (/work/shared/seed, the limits-quotas-pricing
 * lesson): its inputs and the exact command the builder must print from them. Shared by the
 * builder's unit tests, its route test and the e2e spec.
 */
import type { CliInput } from './cli-flags';

export const BRIEF_INPUT: CliInput = {
  command: 'create-replication-group',
  replicationGroupId: 'prod-cache',
  description: 'App-tier hot cache',
  engine: 'valkey',
  engineVersion: '7.2',
  cacheNodeType: 'cache.r7g.large',
  numNodeGroups: 3,
  replicasPerNodeGroup: 2,
  automaticFailover: true,
  multiAz: true,
  transitEncryption: true,
  atRestEncryption: true,
  kmsKeyId: 'alias/elasticache',
  cacheSubnetGroupName: 'prod-private',
  securityGroupIds: ['sg-0abc123'],
  snapshotRetentionLimit: 7,
};

export const BRIEF_COMMAND = `aws elasticache create-replication-group \\
  --replication-group-id prod-cache \\
  --replication-group-description "App-tier hot cache" \\
  --engine valkey \\
  --engine-version 7.2 \\
  --cache-node-type cache.r7g.large \\
  --num-node-groups 3 \\
  --replicas-per-node-group 2 \\
  --automatic-failover-enabled \\
  --multi-az-enabled \\
  --transit-encryption-enabled \\
  --at-rest-encryption-enabled \\
  --kms-key-id alias/elasticache \\
  --cache-subnet-group-name prod-private \\
  --security-group-ids sg-0abc123 \\
  --snapshot-retention-limit 7`;
