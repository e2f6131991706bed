/**
 * The request bodies of POST /api/tools/cli and POST /api/tools/sizing. Types and ranges a form
 * could never send are a 400; rules about what AWS accepts are the builder's errors and warnings
 * (a 200), so a learner sees every problem at once, beside its field.
 */
import { z } from 'zod';
import { CLI_COMMANDS, type CliInput } from './cli-flags';
import { isNodeFamily, NODE_FAMILIES } from './node-types';
import { SERVERLESS_REGIONS } from './serverless-cost';
import type { SizingInput } from './sizing';

const ENGINES = ['valkey', 'redis', 'memcached'] as const;
const text = (max: number) => z.string().max(max, { error: `must be at most ${max} characters` });
const count = z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' });
const ids = z.array(text(255)).max(20, { error: 'can hold at most 20 IDs' });

export const CliRequest = z.strictObject({
  command: z.enum(CLI_COMMANDS, { error: `must be one of ${CLI_COMMANDS.join(', ')}` }),
  replicationGroupId: text(100).optional(),
  cacheClusterId: text(100).optional(),
  serverlessCacheName: text(100).optional(),
  description: text(255).optional(),
  globalReplicationGroupId: text(255).optional(),
  engine: z.enum(ENGINES, { error: 'must be valkey, redis or memcached' }).optional(),
  engineVersion: text(20).optional(),
  majorEngineVersion: text(20).optional(),
  cacheNodeType: text(100).optional(),
  clusterMode: z
    .enum(['enabled', 'disabled', 'compatible'], { error: 'must be enabled, disabled or compatible' })
    .optional(),
  numNodeGroups: count.optional(),
  replicasPerNodeGroup: count.optional(),
  numCacheNodes: count.optional(),
  azMode: z.enum(['single-az', 'cross-az'], { error: 'must be single-az or cross-az' }).optional(),
  automaticFailover: z.boolean({ error: 'must be true or false' }).optional(),
  multiAz: z.boolean({ error: 'must be true or false' }).optional(),
  transitEncryption: z.boolean({ error: 'must be true or false' }).optional(),
  atRestEncryption: z.boolean({ error: 'must be true or false' }).optional(),
  kmsKeyId: text(2048).optional(),
  cacheSubnetGroupName: text(255).optional(),
  subnetIds: ids.optional(),
  securityGroupIds: ids.optional(),
  userGroupIds: ids.optional(),
  userGroupId: text(255).optional(),
  maxDataStorageGb: count.optional(),
  maxEcpuPerSecond: count.optional(),
  snapshotRetentionLimit: count.optional(),
}) satisfies z.ZodType<CliInput>;

const amount = (max: number) =>
  z
    .number({ error: 'must be a number' })
    .min(0, { error: 'must be 0 or more' })
    .max(max, { error: `must be at most ${max.toLocaleString('en-US')}` });

export const SizingRequest = z.strictObject({
  datasetGb: amount(1_000_000).positive({ error: 'must be more than 0' }),
  itemBytes: amount(512 * 1024 * 1024).positive({ error: 'must be more than 0' }),
  readsPerSecond: amount(1e9),
  writesPerSecond: amount(1e9),
  replicas: count.min(0, { error: 'must be 0 to 5' }).max(5, { error: 'must be 0 to 5' }),
  multiAz: z.boolean({ error: 'must be true or false' }),
  region: z.enum(SERVERLESS_REGIONS, { error: `must be one of ${SERVERLESS_REGIONS.join(', ')}` }),
  engine: z.enum(ENGINES, { error: 'must be valkey, redis or memcached' }),
  nodeFamily: z
    .string({ error: `must be one of ${NODE_FAMILIES.join(', ')}` })
    .refine(isNodeFamily, { error: `must be one of ${NODE_FAMILIES.join(', ')}` })
    .optional(),
  shards: count.min(1, { error: 'must be 1 to 500' }).max(500, { error: 'must be 1 to 500' }).optional(),
  nodeMemoryGb: amount(10_000).positive({ error: 'must be more than 0' }).optional(),
  nodeHourlyUsd: amount(1_000).optional(),
  reservedMemoryPercent: amount(90).optional(),
  headroomPercent: amount(1_000).optional(),
}) satisfies z.ZodType<SizingInput>;

/** Both bodies are small: a form's fields. */
export const TOOLS_BODY_LIMIT_BYTES = 16 * 1024;
