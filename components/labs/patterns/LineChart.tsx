/**
 * A small line chart in SVG, one point per second, with the same figures as a table for screen
 * readers (and anyone who prefers numbers). Like components/charts/BarChart.tsx, no chart library:
 * a few lines of at most 30 points do not need one.
 */
import { ChartLegend } from '@/components/charts/ChartLegend';

export interface ChartLine {
  /** What the line shows, as the legend and the table's column say it ("p99, cache-aside"). */
  name: string;
  /** One value per second; null where the run had no data yet. */
  values: (number | null)[];
  /** A stroke colour class pair (light and dark). */
  colour: string;
  dashed?: boolean;
}

const HEIGHT = 40;
const TOP = 2;

function pathOf(values: (number | null)[], max: number, step: number): string {
  let path = '';
  let drawing = false;
  values.forEach((value, index) => {
    if (value === null) {
      drawing = false;
      return;
    }
    const x = index * step;
    const y = HEIGHT - (max === 0 ? 0 : (value / max) * (HEIGHT - TOP));
    path += `${drawing ? 'L' : 'M'}${x.toFixed(2)},${y.toFixed(2)} `;
    drawing = true;
  });
  return path.trim();
}

export function LineChart({
  title,
  lines,
  format,
  max,
  points,
}: {
  title: string;
  lines: ChartLine[];
  /** A value as text, for the axis, the table and the tooltips ("93 %", "4.1 ms"). */
  format: (value: number) => string;
  /** The top of the axis; the largest value when omitted. */
  max?: number;
  /** How many seconds the axis spans (the run's length), so the lines fill in as the run goes. */
  points: number;
}) {
  const largest = Math.max(
    0,
    ...lines.flatMap((line) => line.values.filter((value): value is number => value !== null)),
  );
  const top = max ?? (largest === 0 ? 1 : largest * 1.1);
  const step = 100 / Math.max(points - 1, 1);
  const seconds = Math.max(0, ...lines.map((line) => line.values.length));
  const latest = lines.map((line) => {
    const last = [...line.values].reverse().find((value) => value !== null);
    return `${line.name} ${last === undefined || last === null ? 'no data yet' : format(last)}`;
  });
  return (
    <figure className="m-0 min-w-0 rounded-md border border-line p-3">
      <figcaption className="text-sm font-semibold">{title}</figcaption>
      <div className="mt-2 flex gap-1">
        <div aria-hidden="true" className="flex h-28 flex-col justify-between text-[10px] text-muted tabular-nums">
          <span>{format(top)}</span>
          <span>{format(0)}</span>
        </div>
        <svg
          viewBox={`0 0 100 ${HEIGHT}`}
          preserveAspectRatio="none"
          className="h-28 w-full min-w-0 overflow-visible"
          role="img"
          aria-label={`${title}, ${seconds} of ${points} seconds: ${latest.join('; ')}`}
        >
          <line
            x1="0"
            y1={HEIGHT}
            x2="100"
            y2={HEIGHT}
            className="stroke-slate-300 dark:stroke-slate-700"
            strokeWidth="0.3"
          />
          {lines.map((line) => (
            <path
              key={line.name}
              d={pathOf(line.values, top, step)}
              fill="none"
              strokeWidth="1.5"
              vectorEffect="non-scaling-stroke"
              strokeDasharray={line.dashed ? '4 3' : undefined}
              className={line.colour}
            >
              <title>{line.name}</title>
            </path>
          ))}
        </svg>
      </div>
      <ChartLegend
        entries={lines.map((line) => ({ name: line.name, colour: line.colour, dash: line.dashed ? '3 2' : undefined }))}
      />
      <details className="mt-1 text-xs">
        <summary className="cursor-pointer text-muted">Show as a table</summary>
        <div className="mt-2 max-h-48 overflow-auto">
          <table className="w-full text-left tabular-nums">
            <caption className="sr-only">{title}, second by second</caption>
            <thead>
              <tr>
                <th scope="col">Second</th>
                {lines.map((line) => (
                  <th key={line.name} scope="col">
                    {line.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: seconds }, (_, index) => (
                <tr key={index}>
                  <th scope="row" className="font-normal">
                    {index + 1}
                  </th>
                  {lines.map((line) => {
                    const value = line.values[index];
                    return <td key={line.name}>{value === null || value === undefined ? '–' : format(value)}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
