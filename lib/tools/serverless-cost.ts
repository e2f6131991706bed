/**
 * What a serverless cache costs: data stored in GB-hours (never below the engine's metered minimum)
 * plus ECPUs (1 per KB moved, at least 1 per request), at the dated rates of
 * content/facts/elasticache.json. The limits-quotas-pricing lesson prints its figures from here.
 */
import { ELASTICACHE_FACTS, type Engine, type SourceKey } from './facts';

const { pricing } = ELASTICACHE_FACTS;

export const HOURS_PER_MONTH = pricing.hoursPerMonth;
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;
export const SERVERLESS_REGIONS = ['us-east-1', 'eu-west-1'] as const;
export type Region = (typeof SERVERLESS_REGIONS)[number];

export interface ServerlessRate {
  gbHourUsd: number;
  perMillionEcpuUsd: number;
  source: SourceKey;
  caveat: string;
}

/** The dated rate for an engine in a Region, or null when the references hold none (never a guess). */
export function serverlessRate(engine: Engine, region: Region): ServerlessRate | null {
  const rate = pricing.serverless.rates.find((each) => each.engine === engine && each.region === region);
  return rate ? { ...rate, source: rate.source as SourceKey } : null;
}

export const minimumStoredGb = (engine: Engine): number => pricing.serverless.minimumStoredGb[engine];

/** ECPUs one simple read or write costs: 1 per KB (1,024 bytes) transferred, at least 1. */
export const ecpusPerRequest = (itemBytes: number): number =>
  Math.max(1, (itemBytes / 1024) * pricing.serverless.ecpuPerKb);

export interface ServerlessCostInput {
  engine: Engine;
  region: Region;
  datasetGb: number;
  itemBytes: number;
  requestsPerSecond: number;
}

export interface ServerlessCost {
  /** What is metered: the dataset, or the engine's minimum when the dataset is smaller. */
  meteredGb: number;
  minimumGb: number;
  gbHoursPerMonth: number;
  ecpusPerRequest: number;
  ecpusPerSecond: number;
  ecpusPerMonth: number;
  rate: ServerlessRate | null;
  storageUsd: number | null;
  ecpuUsd: number | null;
  monthlyUsd: number | null;
}

export function serverlessCost({
  engine,
  region,
  datasetGb,
  itemBytes,
  requestsPerSecond,
}: ServerlessCostInput): ServerlessCost {
  const minimumGb = minimumStoredGb(engine);
  const meteredGb = Math.max(datasetGb, minimumGb);
  const gbHoursPerMonth = meteredGb * HOURS_PER_MONTH;
  const perRequest = ecpusPerRequest(itemBytes);
  const ecpusPerSecond = requestsPerSecond * perRequest;
  const ecpusPerMonth = ecpusPerSecond * SECONDS_PER_MONTH;
  const rate = serverlessRate(engine, region);
  const storageUsd = rate ? gbHoursPerMonth * rate.gbHourUsd : null;
  const ecpuUsd = rate ? (ecpusPerMonth / 1_000_000) * rate.perMillionEcpuUsd : null;
  return {
    meteredGb,
    minimumGb,
    gbHoursPerMonth,
    ecpusPerRequest: perRequest,
    ecpusPerSecond,
    ecpusPerMonth,
    rate,
    storageUsd,
    ecpuUsd,
    monthlyUsd: storageUsd === null || ecpuUsd === null ? null : storageUsd + ecpuUsd,
  };
}

/** A node-based cluster's month: every node, replicas included, at the hourly rate, for 730 hours. */
export const nodeMonthlyUsd = (nodes: number, hourlyUsd: number): number => nodes * hourlyUsd * HOURS_PER_MONTH;
