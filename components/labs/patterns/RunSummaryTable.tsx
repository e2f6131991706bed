import type { RunSummary } from './patterns-api';
import { count, milliseconds, percent } from './format';

interface SummaryRow {
  label: string;
  /** Undefined when the measure does not apply to the run's pattern (shown as a dash). */
  value: (summary: RunSummary) => number | undefined;
  format: (value: number) => string;
  /** Whether a larger figure is the better one, to say which run won; null when neither is. */
  higherIsBetter: boolean | null;
}

const ROWS: SummaryRow[] = [
  { label: 'Hit ratio', value: (s) => s.hitRatio, format: percent, higherIsBetter: true },
  { label: 'Reads', value: (s) => s.reads, format: count, higherIsBetter: true },
  { label: 'Writes', value: (s) => s.writes, format: count, higherIsBetter: null },
  { label: 'p50 read latency', value: (s) => s.p50Ms, format: milliseconds, higherIsBetter: false },
  { label: 'p95 read latency', value: (s) => s.p95Ms, format: milliseconds, higherIsBetter: false },
  { label: 'p99 read latency', value: (s) => s.p99Ms, format: milliseconds, higherIsBetter: false },
  { label: 'Origin queries', value: (s) => s.originQueries, format: count, higherIsBetter: false },
  { label: 'Stale reads', value: (s) => s.staleReads, format: count, higherIsBetter: false },
  { label: 'Errors', value: (s) => s.errors, format: count, higherIsBetter: false },
];

/** Write-behind only: the queued writes its consumer never flushed to the database. */
const LOST_WRITES: SummaryRow = {
  label: 'Lost writes',
  value: (s) => s.lostWrites,
  format: count,
  higherIsBetter: false,
};

function winner(row: SummaryRow, a: RunSummary, b: RunSummary): 0 | 1 | null {
  if (row.higherIsBetter === null) return null;
  const [x, y] = [row.value(a), row.value(b)];
  if (x === undefined || y === undefined || x === y) return null;
  return x > y === row.higherIsBetter ? 0 : 1;
}

function formatted(row: SummaryRow, summary: RunSummary): string {
  const value = row.value(summary);
  return value === undefined ? '—' : row.format(value);
}

/** A run's totals, or two runs' side by side with the better figure of each row marked in words. */
export function RunSummaryTable({ runs }: { runs: { label: string; summary: RunSummary }[] }) {
  const [first, second] = runs;
  const rows = runs.some((run) => run.summary.lostWrites !== undefined) ? [...ROWS, LOST_WRITES] : ROWS;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm tabular-nums">
        <caption className="text-left font-semibold">{second ? 'The two runs compared' : 'Summary of the run'}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-1 pr-3">
              Measure
            </th>
            {runs.map((run) => (
              <th key={run.label} scope="col" className="py-1 pr-3">
                {run.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const best = first && second ? winner(row, first.summary, second.summary) : null;
            return (
              <tr key={row.label} className="border-b border-line last:border-0">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {row.label}
                </th>
                {runs.map((run, index) => (
                  <td key={run.label} className={best === index ? 'py-1 pr-3 font-semibold' : 'py-1 pr-3'}>
                    {formatted(row, run.summary)}
                    {best === index && <span className="ml-1 text-xs font-normal text-success-text">better</span>}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
