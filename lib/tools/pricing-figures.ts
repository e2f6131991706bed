/**
 * The figures the limits-quotas-pricing lesson prints through <PricingFigure of="…">, computed by
 * the same module as the sizing tool, so the lesson and the tool cannot disagree.
 */
import { formatUsd, roughly, type BreakEven } from './break-even';
import { serverlessCost, serverlessRate, type ServerlessRate } from './serverless-cost';
import { estimateSizing, planNodes, type SizingInput } from './sizing';

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

/**
 * The lesson's worked break-even: a small Valkey cache, one shard with a Multi-AZ replica on the
 * smallest r6g node that holds it. The node price is HYPOTHETICAL, a round figure for the
 * arithmetic (our references hold no node prices), and the lesson must say so wherever it prints it.
 */
const BREAK_EVEN_EXAMPLE: SizingInput = {
  engine: 'valkey',
  region: 'us-east-1',
  datasetGb: 2,
  itemBytes: 1024,
  readsPerSecond: 0,
  writesPerSecond: 0,
  replicas: 1,
  multiAz: true,
  nodeFamily: 'r6g',
  nodeHourlyUsd: 0.2,
};

function breakEvenExample(change: Partial<SizingInput> = {}): BreakEven {
  const result = estimateSizing({ ...BREAK_EVEN_EXAMPLE, ...change }).breakEven;
  if (!result) throw new Error('The break-even example needs a us-east-1 Valkey Serverless rate');
  return result;
}

function crossingRate(result: BreakEven): string {
  if (result.crossover.kind !== 'at')
    throw new Error(`The break-even example no longer crosses: ${result.crossover.kind}`);
  return roughly(result.crossover.requestsPerSecond);
}

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
  'break-even-example-dataset': () => `${BREAK_EVEN_EXAMPLE.datasetGb} GB`,
  'break-even-example-item': () => `${BREAK_EVEN_EXAMPLE.itemBytes / 1024} KB`,
  'break-even-example-node-type': () => planNodes(BREAK_EVEN_EXAMPLE).nodeType?.nodeType ?? 'your node',
  'break-even-example-nodes': () => String(breakEvenExample().nodes),
  'break-even-example-node-hour': () => formatUsd(BREAK_EVEN_EXAMPLE.nodeHourlyUsd ?? 0),
  'break-even-example-node-monthly': () => formatUsd(breakEvenExample().nodeMonthlyUsd),
  'break-even-example-storage': () => formatUsd(breakEvenExample().serverlessStorageUsd),
  'break-even-example-per-request': () => usd(breakEvenExample().serverlessUsdPerRequestPerSecond, 4),
  'break-even-example-requests': () => crossingRate(breakEvenExample()),
  'break-even-example-requests-4kb': () => crossingRate(breakEvenExample({ itemBytes: 4096 })),
  'break-even-example-storage-5gb': () => formatUsd(breakEvenExample({ datasetGb: 5 }).serverlessStorageUsd),
} as const satisfies Record<string, () => string>;

export type PricingFigureId = keyof typeof PRICING_FIGURES;

export const PRICING_FIGURE_IDS = Object.keys(PRICING_FIGURES) as PricingFigureId[];

export const isPricingFigureId = (id: unknown): id is PricingFigureId =>
  typeof id === 'string' && Object.hasOwn(PRICING_FIGURES, id);
