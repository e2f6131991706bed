/**
 * Serverless vs node-based on price: the request rate at which a Serverless cache costs as much a
 * month as the node-based plan. Node-based is flat in the request rate (the nodes cost the same busy
 * or idle, as long as they can serve it); Serverless is a straight line, its stored data (never below
 * the engine's metered minimum) plus ECPUs. Both come from ./serverless-cost.ts, the estimator's own
 * formulas, so the chart, the API and the lesson's worked example agree with the estimate beside them.
 */
import { ELASTICACHE_FACTS, type Engine } from './facts';
import { nodeMonthlyUsd, serverlessCost, type Region } from './serverless-cost';

/** The Serverless ceiling: beyond it one serverless cache cannot serve the load at any price. */
export const SERVERLESS_MAX_ECPUS_PER_SECOND = ELASTICACHE_FACTS.quotas.serverlessEcpuPerSecond.max;

export interface BreakEvenInput {
  engine: Engine;
  region: Region;
  datasetGb: number;
  itemBytes: number;
  /** The node-based plan's nodes, replicas included. */
  nodes: number;
  /** The learner's on-demand price per node-hour: our references hold none. */
  nodeHourlyUsd: number;
  /** The workload's peak reads plus writes, marked on the chart. */
  requestsPerSecond: number;
}

/**
 * Where the lines cross: at a rate; nowhere because storing the data on Serverless already costs at
 * least as much as the nodes; or nowhere below the Serverless maximum, so Serverless stays cheaper.
 */
export type Crossover =
  | { kind: 'at'; requestsPerSecond: number; ecpusPerSecond: number }
  | { kind: 'storage-costs-more' }
  | { kind: 'serverless-cheaper-to-maximum' };

export interface BreakEven {
  nodes: number;
  nodeHourlyUsd: number;
  /** Flat: the same at every request rate. */
  nodeMonthlyUsd: number;
  ecpusPerRequest: number;
  meteredGb: number;
  /** Serverless at no requests: the metered data alone. */
  serverlessStorageUsd: number;
  /** What each extra request per second, sustained for a month, adds to the Serverless bill. */
  serverlessUsdPerRequestPerSecond: number;
  /** The most requests per second one serverless cache serves at this item size. */
  maxRequestsPerSecond: number;
  crossover: Crossover;
  current: { requestsPerSecond: number; ecpusPerSecond: number; serverlessMonthlyUsd: number };
}

/** Serverless's monthly cost at a request rate, on the same straight line as the break-even. */
export const serverlessMonthlyUsdAt = (breakEven: BreakEven, requestsPerSecond: number): number =>
  breakEven.serverlessStorageUsd + breakEven.serverlessUsdPerRequestPerSecond * requestsPerSecond;

/** The break-even, or null when our references hold no Serverless rate for the engine and Region. */
export function breakEven(input: BreakEvenInput): BreakEven | null {
  const serverlessAt = (requestsPerSecond: number) =>
    serverlessCost({
      engine: input.engine,
      region: input.region,
      datasetGb: input.datasetGb,
      itemBytes: input.itemBytes,
      requestsPerSecond,
    });
  const idle = serverlessAt(0);
  // ECPU cost is linear in the request rate, so one request per second gives the slope.
  const perRequest = serverlessAt(1).ecpuUsd;
  if (idle.storageUsd === null || perRequest === null) return null;
  const nodesUsd = nodeMonthlyUsd(input.nodes, input.nodeHourlyUsd);
  const maxRequestsPerSecond = SERVERLESS_MAX_ECPUS_PER_SECOND / idle.ecpusPerRequest;
  const crossingRate = (nodesUsd - idle.storageUsd) / perRequest;
  const crossover: Crossover =
    crossingRate <= 0
      ? { kind: 'storage-costs-more' }
      : crossingRate > maxRequestsPerSecond
        ? { kind: 'serverless-cheaper-to-maximum' }
        : {
            kind: 'at',
            requestsPerSecond: crossingRate,
            ecpusPerSecond: crossingRate * idle.ecpusPerRequest,
          };
  const current = serverlessAt(input.requestsPerSecond);
  return {
    nodes: input.nodes,
    nodeHourlyUsd: input.nodeHourlyUsd,
    nodeMonthlyUsd: nodesUsd,
    ecpusPerRequest: idle.ecpusPerRequest,
    meteredGb: idle.meteredGb,
    serverlessStorageUsd: idle.storageUsd,
    serverlessUsdPerRequestPerSecond: perRequest,
    maxRequestsPerSecond,
    crossover,
    current: {
      requestsPerSecond: input.requestsPerSecond,
      ecpusPerSecond: current.ecpusPerSecond,
      // Never null here: the rate was found above.
      serverlessMonthlyUsd: current.monthlyUsd ?? Number.NaN,
    },
  };
}

/** A rate or a price as a reader says it: about two significant figures ("28,000", "$5,100"). */
export function roughly(value: number): string {
  if (value === 0) return '0';
  const digits = Math.floor(Math.log10(Math.abs(value))) - 1;
  const rounded = Math.round(value / 10 ** digits) * 10 ** digits;
  return rounded.toLocaleString('en-US', { maximumFractionDigits: Math.max(0, -digits) });
}

/** A monthly price: cents under $100, whole dollars above ("$6.13", "$5,110"). */
export function formatUsd(value: number): string {
  const digits = value < 100 ? 2 : 0;
  return `$${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

/** The break-even in one sentence, as the estimator shows it. */
export function describeBreakEven(result: BreakEven): string {
  const nodes = `${result.nodes} node${result.nodes === 1 ? '' : 's'} (${formatUsd(result.nodeMonthlyUsd)} a month)`;
  switch (result.crossover.kind) {
    case 'at':
      return `Serverless costs the same as the ${nodes} at about ${roughly(result.crossover.requestsPerSecond)} requests per second (${roughly(result.crossover.ecpusPerSecond)} ECPUs per second): cheaper below that rate, dearer above it.`;
    case 'storage-costs-more':
      return `No break-even: storing ${result.meteredGb.toLocaleString('en-US')} GB on Serverless alone costs ${formatUsd(result.serverlessStorageUsd)} a month, more than the ${nodes}, so the nodes are cheaper at any request rate.`;
    case 'serverless-cheaper-to-maximum':
      return `No break-even: Serverless stays cheaper than the ${nodes} up to its maximum of ${SERVERLESS_MAX_ECPUS_PER_SECOND.toLocaleString('en-US')} ECPUs per second (${roughly(result.maxRequestsPerSecond)} requests per second at this item size).`;
  }
}

export interface CostChartPoint {
  requestsPerSecond: number;
  /** What the point is: the axis ends, the break-even, the workload's own rate. */
  label: 'no requests' | 'break-even' | 'your rate' | 'chart end';
  nodeMonthlyUsd: number;
  serverlessMonthlyUsd: number;
}

/** A round axis end: 1, 2 or 5 × a power of ten, at least `value`. */
function roundUp(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

/**
 * The chart's figures: both lines are straight, so their ends, the break-even and the workload's
 * rate say everything. The axis runs past the furthest of the break-even and the workload's rate,
 * never past the Serverless maximum (or up to it when Serverless is cheaper all the way).
 */
export function costChart(result: BreakEven): { maxRequestsPerSecond: number; points: CostChartPoint[] } {
  const { crossover, current, maxRequestsPerSecond: ceiling } = result;
  const marks = [crossover.kind === 'at' ? crossover.requestsPerSecond : 0, current.requestsPerSecond];
  const furthest = Math.max(...marks);
  const axisEnd =
    crossover.kind === 'serverless-cheaper-to-maximum' || furthest === 0
      ? ceiling
      : Math.min(ceiling, roundUp(furthest * 1.25));
  const point = (requestsPerSecond: number, label: CostChartPoint['label']): CostChartPoint => ({
    requestsPerSecond,
    label,
    nodeMonthlyUsd: result.nodeMonthlyUsd,
    serverlessMonthlyUsd: serverlessMonthlyUsdAt(result, requestsPerSecond),
  });
  const points = [point(0, 'no requests'), point(axisEnd, 'chart end')];
  if (crossover.kind === 'at') points.push(point(crossover.requestsPerSecond, 'break-even'));
  if (current.requestsPerSecond > 0 && current.requestsPerSecond <= axisEnd)
    points.push(point(current.requestsPerSecond, 'your rate'));
  return { maxRequestsPerSecond: axisEnd, points: points.sort((a, b) => a.requestsPerSecond - b.requestsPerSecond) };
}
