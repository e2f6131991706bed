/**
 * The figures the limits-quotas-pricing lesson prints through <PricingFigure of="…">, computed by
 * the same module as the sizing tool, so the lesson and the tool cannot disagree.
 */
import { serverlessCost, serverlessRate, type ServerlessRate } from './serverless-cost';

const usd = (value: number, digits = 0) =>
  `$${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;

function rate(engine: 'valkey' | 'redis'): ServerlessRate {
  const found = serverlessRate(engine, 'us-east-1');
  if (!found) throw new Error(`content/facts/elasticache.json has no us-east-1 Serverless rate for ${engine}`);
  return found;
}

/** The floor: a cache holding less than the minimum still pays for the minimum, with no requests. */
const floor = (engine: 'valkey' | 'redis') =>
  serverlessCost({ engine, region: 'us-east-1', datasetGb: 0, itemBytes: 0, requestsPerSecond: 0 });

/** The lesson's ECPU example: GETs of a 3,277-byte value (3.2 KB), 1,000 a second, for a month. */
const ecpuExample = (engine: 'valkey' | 'redis') =>
  serverlessCost({ engine, region: 'us-east-1', datasetGb: 0, itemBytes: 3277, requestsPerSecond: 1000 });

export const PRICING_FIGURES = {
  'valkey-gb-hour': () => usd(rate('valkey').gbHourUsd, 3),
  'valkey-per-million-ecpu': () => usd(rate('valkey').perMillionEcpuUsd, 4),
  'redis-gb-hour': () => usd(rate('redis').gbHourUsd, 3),
  'redis-per-million-ecpu': () => usd(rate('redis').perMillionEcpuUsd, 4),
  'valkey-minimum': () => `${floor('valkey').minimumGb * 1000} MB`,
  'valkey-minimum-gb': () => `${floor('valkey').minimumGb} GB`,
  'redis-minimum': () => `${floor('redis').minimumGb} GB`,
  'valkey-floor': () => usd(floor('valkey').storageUsd ?? 0),
  'redis-floor': () => usd(floor('redis').storageUsd ?? 0),
  'ecpu-example-ecpus': () => `${(ecpuExample('valkey').ecpusPerMonth / 1e9).toFixed(1)} billion`,
  'ecpu-example-valkey': () => usd(ecpuExample('valkey').ecpuUsd ?? 0),
  'ecpu-example-redis': () => usd(ecpuExample('redis').ecpuUsd ?? 0),
} as const satisfies Record<string, () => string>;

export type PricingFigureId = keyof typeof PRICING_FIGURES;

export const PRICING_FIGURE_IDS = Object.keys(PRICING_FIGURES) as PricingFigureId[];

export const isPricingFigureId = (id: unknown): id is PricingFigureId =>
  typeof id === 'string' && Object.hasOwn(PRICING_FIGURES, id);
