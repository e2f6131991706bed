/**
 * The command builder's form as data: which fields each command shows, how each is entered, and
 * the values it starts with (the create-replication-group example of the limits-quotas-pricing
 * lesson and the product brief). Turning the form's text into the builder's input lives here too.
 */
import { FLAGS, type CliCommand, type CliField, type CliInput } from '@/lib/tools/cli-flags';

export type FormValue = string | boolean;
export type FormValues = Partial<Record<CliField, FormValue>>;

export type FieldKind =
  'text' | 'number' | 'list' | 'checkbox' | { options: readonly { value: string; label: string }[] };

export interface FormField {
  field: CliField;
  label: string;
  kind: FieldKind;
}

const ENGINE_OPTIONS = [
  { value: 'valkey', label: 'Valkey' },
  { value: 'redis', label: 'Redis OSS' },
  { value: 'memcached', label: 'Memcached' },
] as const;

const FIELDS: Record<CliField, Omit<FormField, 'field'>> = {
  replicationGroupId: { label: 'Replication group ID', kind: 'text' },
  cacheClusterId: { label: 'Cluster ID', kind: 'text' },
  serverlessCacheName: { label: 'Cache name', kind: 'text' },
  description: { label: 'Description', kind: 'text' },
  globalReplicationGroupId: { label: 'Global Datastore ID (optional)', kind: 'text' },
  engine: { label: 'Engine', kind: { options: ENGINE_OPTIONS } },
  engineVersion: { label: 'Engine version', kind: 'text' },
  majorEngineVersion: { label: 'Major engine version', kind: 'text' },
  cacheNodeType: { label: 'Node type', kind: 'text' },
  clusterMode: {
    label: 'Cluster mode',
    kind: {
      options: [
        { value: '', label: 'Not set' },
        { value: 'enabled', label: 'enabled' },
        { value: 'disabled', label: 'disabled' },
        { value: 'compatible', label: 'compatible' },
      ],
    },
  },
  numNodeGroups: { label: 'Shards (node groups)', kind: 'number' },
  replicasPerNodeGroup: { label: 'Replicas per shard', kind: 'number' },
  numCacheNodes: { label: 'Nodes', kind: 'number' },
  azMode: {
    label: 'AZ mode',
    kind: {
      options: [
        { value: '', label: 'Not set' },
        { value: 'single-az', label: 'single-az' },
        { value: 'cross-az', label: 'cross-az' },
      ],
    },
  },
  automaticFailover: { label: 'Automatic failover', kind: 'checkbox' },
  multiAz: { label: 'Multi-AZ', kind: 'checkbox' },
  transitEncryption: { label: 'Encryption in transit (TLS)', kind: 'checkbox' },
  atRestEncryption: { label: 'Encryption at rest', kind: 'checkbox' },
  kmsKeyId: { label: 'KMS key ID (optional)', kind: 'text' },
  cacheSubnetGroupName: { label: 'Subnet group', kind: 'text' },
  subnetIds: { label: 'Subnet IDs (space-separated)', kind: 'list' },
  securityGroupIds: { label: 'Security group IDs (space-separated)', kind: 'list' },
  userGroupIds: { label: 'User group IDs (optional, space-separated)', kind: 'list' },
  userGroupId: { label: 'User group ID (optional)', kind: 'text' },
  maxDataStorageGb: { label: 'Maximum data storage (GB)', kind: 'number' },
  maxEcpuPerSecond: { label: 'Maximum ECPUs per second', kind: 'number' },
  snapshotRetentionLimit: { label: 'Snapshot retention (days)', kind: 'number' },
};

/** The form's fields for a command, in the order of its flags (plus the ECPU limit beside the storage one). */
export function formFields(command: CliCommand): FormField[] {
  const fields = FLAGS[command].flatMap((spec): CliField[] =>
    spec.field === 'maxDataStorageGb' ? ['maxDataStorageGb', 'maxEcpuPerSecond'] : [spec.field],
  );
  return fields
    .filter((field) => !(command === 'create-cache-cluster' && field === 'engine'))
    .map((field) => {
      const base = FIELDS[field];
      // A replication group runs Valkey or Redis OSS only: Memcached is the other command.
      if (field === 'engine' && command === 'create-replication-group')
        return { field, ...base, kind: { options: ENGINE_OPTIONS.slice(0, 2) } };
      return { field, ...base };
    });
}

/** The flag a field writes, shown as its hint. */
export function flagOf(command: CliCommand, field: CliField): string | undefined {
  if (field === 'maxEcpuPerSecond') return '--cache-usage-limits ECPUPerSecond';
  const spec = FLAGS[command].find((each) => each.field === field);
  return spec?.kind === 'usage-limits' ? '--cache-usage-limits DataStorage' : spec?.flag;
}

export const INITIAL_VALUES: Record<CliCommand, FormValues> = {
  'create-replication-group': {
    replicationGroupId: 'prod-cache',
    description: 'App-tier hot cache',
    engine: 'valkey',
    engineVersion: '7.2',
    cacheNodeType: 'cache.r7g.large',
    numNodeGroups: '3',
    replicasPerNodeGroup: '2',
    automaticFailover: true,
    multiAz: true,
    transitEncryption: true,
    atRestEncryption: true,
    kmsKeyId: 'alias/elasticache',
    cacheSubnetGroupName: 'prod-private',
    securityGroupIds: 'sg-0abc123',
    snapshotRetentionLimit: '7',
  },
  'create-cache-cluster': {
    cacheClusterId: 'web-sessions',
    engineVersion: '1.6.22',
    cacheNodeType: 'cache.m7g.large',
    numCacheNodes: '3',
    azMode: 'cross-az',
    cacheSubnetGroupName: 'prod-private',
    securityGroupIds: 'sg-0abc123',
  },
  'create-serverless-cache': {
    serverlessCacheName: 'sessions',
    description: 'Session store',
    engine: 'valkey',
    majorEngineVersion: '8',
    maxDataStorageGb: '100',
    maxEcpuPerSecond: '50000',
    securityGroupIds: 'sg-0abc123',
    subnetIds: 'subnet-0aaa111 subnet-0bbb222',
    userGroupId: 'app-users',
    snapshotRetentionLimit: '1',
  },
};

export interface ParsedForm {
  input: CliInput;
  /** Fields whose text is not a number where one is needed: the form says so before the builder runs. */
  notNumbers: CliField[];
}

/** The builder's input from the form's text: blanks are left out, lists split on spaces and commas. */
export function parseForm(command: CliCommand, values: FormValues): ParsedForm {
  const input: Record<string, unknown> = { command };
  const notNumbers: CliField[] = [];
  for (const { field, kind } of formFields(command)) {
    const value = values[field];
    if (kind === 'checkbox') {
      if (value === true) input[field] = true;
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') continue;
    if (kind === 'list') input[field] = text.split(/[\s,]+/).filter(Boolean);
    else if (kind === 'number') {
      const number = Number(text);
      if (Number.isFinite(number)) input[field] = number;
      else notNumbers.push(field);
    } else input[field] = text;
  }
  return { input: input as unknown as CliInput, notNumbers };
}
