import { ChartLegend } from '@/components/charts/ChartLegend';
import {
  costChart,
  describeBreakEven,
  formatUsd,
  roughly,
  type BreakEven,
  type CostChartPoint,
} from '@/lib/tools/break-even';

/**
 * Monthly cost against request rate: node-based flat, Serverless rising, the break-even and the
 * workload's rate marked. Like components/labs/patterns/LineChart.tsx, plain SVG and no chart
 * library: two straight lines and two markers do not need one, and the page stays light. The caption
 * says what the lines show in words, and a table holds every figure.
 */
const HEIGHT = 50;
const TOP = 3;

const NODE_LINE = 'stroke-sky-700 dark:stroke-sky-400';
const SERVERLESS_LINE = 'stroke-amber-600 dark:stroke-amber-400';
const BREAK_EVEN_LINE = 'stroke-slate-500 dark:stroke-slate-400';
const YOUR_RATE_LINE = 'stroke-emerald-600 dark:stroke-emerald-400';

const BREAK_EVEN_DASH = '4 3';
const YOUR_RATE_DASH = '1 2';

const LEGEND = [
  { name: 'Node-based (flat)', colour: NODE_LINE, dash: undefined },
  { name: 'Serverless', colour: SERVERLESS_LINE, dash: undefined },
  { name: 'Break-even', colour: BREAK_EVEN_LINE, dash: BREAK_EVEN_DASH },
  { name: 'Your rate', colour: YOUR_RATE_LINE, dash: YOUR_RATE_DASH },
];

const perSecond = (value: number) => `${roughly(value)} requests/s`;

function caption(result: BreakEven, points: CostChartPoint[], axisEnd: number): string {
  const end = points.find((point) => point.label === 'chart end')!;
  const yours = points.find((point) => point.label === 'your rate');
  const parts = [
    `From 0 to ${perSecond(axisEnd)}: node-based stays at ${formatUsd(result.nodeMonthlyUsd)} a month; Serverless rises from ${formatUsd(result.serverlessStorageUsd)} with no requests to ${formatUsd(end.serverlessMonthlyUsd)}.`,
  ];
  if (result.crossover.kind === 'at')
    parts.push(`The lines cross at about ${perSecond(result.crossover.requestsPerSecond)}.`);
  parts.push(
    yours
      ? `At your ${perSecond(yours.requestsPerSecond)}, Serverless is about ${formatUsd(yours.serverlessMonthlyUsd)} a month.`
      : `Your ${perSecond(result.current.requestsPerSecond)} ${result.current.requestsPerSecond === 0 ? 'is not marked' : 'is beyond what one serverless cache serves'}.`,
  );
  return parts.join(' ');
}

function Marker({ x, colour, dash, name }: { x: number; colour: string; dash: string; name: string }) {
  return (
    <line
      x1={x}
      y1={0}
      x2={x}
      y2={HEIGHT}
      strokeWidth="1.5"
      vectorEffect="non-scaling-stroke"
      strokeDasharray={dash}
      className={colour}
    >
      <title>{name}</title>
    </line>
  );
}

export function BreakEvenChart({ result }: { result: BreakEven }) {
  const { maxRequestsPerSecond: axisEnd, points } = costChart(result);
  const top = Math.max(...points.flatMap((point) => [point.nodeMonthlyUsd, point.serverlessMonthlyUsd])) * 1.1 || 1;
  const x = (requestsPerSecond: number) => (requestsPerSecond / axisEnd) * 100;
  const y = (usd: number) => HEIGHT - (usd / top) * (HEIGHT - TOP);
  const end = points.find((point) => point.label === 'chart end')!;
  const crossing = points.find((point) => point.label === 'break-even');
  const yours = points.find((point) => point.label === 'your rate');
  const title = 'Monthly cost against requests per second';
  return (
    <figure className="m-0 min-w-0">
      <p className="text-sm">{describeBreakEven(result)}</p>
      <div className="mt-3 flex gap-1">
        <div aria-hidden="true" className="flex h-36 flex-col justify-between text-[10px] text-muted tabular-nums">
          <span>${roughly(top)}</span>
          <span>$0</span>
        </div>
        <div className="min-w-0 flex-1">
          <svg
            viewBox={`0 0 100 ${HEIGHT}`}
            preserveAspectRatio="none"
            className="h-36 w-full overflow-visible"
            role="img"
            aria-label={`${title}; the caption below gives the figures.`}
          >
            <line
              x1="0"
              y1={HEIGHT}
              x2="100"
              y2={HEIGHT}
              className="stroke-slate-300 dark:stroke-slate-700"
              strokeWidth="0.3"
            />
            {crossing && (
              <Marker
                x={x(crossing.requestsPerSecond)}
                colour={BREAK_EVEN_LINE}
                dash={BREAK_EVEN_DASH}
                name="Break-even"
              />
            )}
            {yours && (
              <Marker x={x(yours.requestsPerSecond)} colour={YOUR_RATE_LINE} dash={YOUR_RATE_DASH} name="Your rate" />
            )}
            <line
              x1="0"
              y1={y(result.nodeMonthlyUsd)}
              x2="100"
              y2={y(result.nodeMonthlyUsd)}
              strokeWidth="2"
              vectorEffect="non-scaling-stroke"
              className={NODE_LINE}
            >
              <title>Node-based</title>
            </line>
            <line
              x1="0"
              y1={y(result.serverlessStorageUsd)}
              x2="100"
              y2={y(end.serverlessMonthlyUsd)}
              strokeWidth="2"
              vectorEffect="non-scaling-stroke"
              className={SERVERLESS_LINE}
            >
              <title>Serverless</title>
            </line>
          </svg>
          <div aria-hidden="true" className="flex justify-between text-[10px] text-muted tabular-nums">
            <span>0</span>
            <span>{perSecond(axisEnd)}</span>
          </div>
        </div>
      </div>
      <ChartLegend
        entries={LEGEND.filter(({ name }) => (name === 'Break-even' ? crossing : name === 'Your rate' ? yours : true))}
      />
      <figcaption className="mt-2 text-xs text-muted">
        {title}. {caption(result, points, axisEnd)} On-demand prices: reserved nodes lower the flat line, and it stays
        flat only while the nodes can serve the rate, so benchmark them.
      </figcaption>
      <details className="mt-1 text-xs">
        <summary className="cursor-pointer text-muted">Show as a table</summary>
        <table className="mt-2 w-full text-left tabular-nums">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Requests per second</th>
              <th scope="col">Node-based a month</th>
              <th scope="col">Serverless a month</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.label}>
                <th scope="row" className="font-normal">
                  {roughly(point.requestsPerSecond)} ({point.label})
                </th>
                <td>{formatUsd(point.nodeMonthlyUsd)}</td>
                <td>{formatUsd(point.serverlessMonthlyUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
