import type { PatternId, SeriesPoint } from './patterns-api';
import { LineChart, type ChartLine } from './LineChart';
import { count, megabytes, milliseconds, percent, perSecond } from './format';

/** A run as the charts draw it: its pattern's name, its seconds so far and its length. */
export interface ChartedRun {
  label: string;
  pattern: PatternId;
  series: SeriesPoint[];
  seconds: number;
}

/** The first run's lines are solid, the second's dashed, so two runs read apart without colour. */
const RUN_COLOURS = ['stroke-sky-700 dark:stroke-sky-400', 'stroke-amber-600 dark:stroke-amber-400'];
const PERCENTILE_COLOURS = {
  p50Ms: 'stroke-emerald-600 dark:stroke-emerald-400',
  p95Ms: 'stroke-sky-700 dark:stroke-sky-400',
  p99Ms: 'stroke-rose-600 dark:stroke-rose-400',
} as const;

type Metric = Exclude<keyof SeriesPoint, 't'>;

function valuesOf(series: SeriesPoint[], metric: Metric): (number | null)[] {
  return series.map((point) => {
    const value = point[metric];
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  });
}

function linesOf(runs: ChartedRun[], metric: Metric, name: string): ChartLine[] {
  return runs.map((run, index) => ({
    name: runs.length > 1 ? `${name}, ${run.label}` : name,
    values: valuesOf(run.series, metric),
    colour: RUN_COLOURS[index % RUN_COLOURS.length] ?? 'stroke-accent-line',
    dashed: index > 0,
  }));
}

/**
 * One chart per metric group (hit ratio, latency, origin load, stale reads, memory, evictions) for one
 * run or two, and write-behind's queue lag when a run is write-behind (no other pattern has a queue).
 */
export function RunCharts({ runs }: { runs: ChartedRun[] }) {
  const writeBehind = runs.filter((run) => run.pattern === 'write-behind');
  const points = Math.max(2, ...runs.map((run) => run.seconds));
  const latency: ChartLine[] = runs.flatMap((run, index) =>
    (['p50Ms', 'p95Ms', 'p99Ms'] as const).map((metric) => ({
      name: `${metric.slice(0, 3)}${runs.length > 1 ? `, ${run.label}` : ''}`,
      values: valuesOf(run.series, metric),
      colour: PERCENTILE_COLOURS[metric],
      dashed: index > 0,
    })),
  );
  return (
    <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
      <LineChart
        title="Hit ratio"
        lines={linesOf(runs, 'hitRatio', 'hit ratio')}
        format={percent}
        max={1}
        points={points}
      />
      <LineChart title="Read latency (p50, p95, p99)" lines={latency} format={milliseconds} points={points} />
      <LineChart
        title="Origin queries per second"
        lines={linesOf(runs, 'originQps', 'queries/s')}
        format={perSecond}
        points={points}
      />
      <LineChart
        title="Stale reads per second"
        lines={linesOf(runs, 'staleReads', 'stale reads')}
        format={count}
        points={points}
      />
      <LineChart
        title="Valkey memory"
        lines={linesOf(runs, 'usedMemoryBytes', 'used memory')}
        format={megabytes}
        points={points}
      />
      <LineChart
        title="Evictions per second"
        lines={linesOf(runs, 'evictions', 'evictions')}
        format={count}
        points={points}
      />
      {writeBehind.length > 0 && (
        <LineChart
          title="Write-behind queue lag (writes not yet in the database)"
          lines={linesOf(writeBehind, 'queueLag', 'queued writes')}
          format={count}
          points={points}
        />
      )}
    </div>
  );
}
