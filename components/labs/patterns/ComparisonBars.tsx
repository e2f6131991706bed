/**
 * Horizontal bars comparing runs measure by measure (a row per run, a block per measure), in SVG
 * and, for screen readers and anyone who prefers numbers, the same figures as one table. Horizontal
 * so that long labels ("allkeys-random") still fit a 360 px screen.
 */
export interface ComparedRun {
  /** Unique per row: "lock, 200 readers (run 2)". */
  label: string;
  values: Record<string, number>;
}

export interface Measure {
  key: string;
  name: string;
  format: (value: number) => string;
  /** A fixed top for the axis (1 for a ratio); the largest value when omitted. */
  max?: number;
}

export function ComparisonBars({ title, runs, measures }: { title: string; runs: ComparedRun[]; measures: Measure[] }) {
  return (
    <figure className="m-0 min-w-0">
      <figcaption className="text-sm font-semibold">{title}</figcaption>
      <div className="mt-2 grid gap-3 sm:grid-cols-2 xl:grid-cols-3" aria-hidden="true">
        {measures.map((measure) => {
          const top = measure.max ?? Math.max(1, ...runs.map((run) => run.values[measure.key] ?? 0));
          return (
            <div key={measure.key} className="min-w-0 rounded-md border border-line p-2">
              <p className="text-xs font-semibold">{measure.name}</p>
              <ul className="mt-1 space-y-1">
                {runs.map((run) => {
                  const value = run.values[measure.key] ?? 0;
                  return (
                    <li key={run.label} className="text-[11px]">
                      <span className="flex justify-between gap-2">
                        <span className="truncate">{run.label}</span>
                        <span className="tabular-nums">{measure.format(value)}</span>
                      </span>
                      <svg viewBox="0 0 100 4" preserveAspectRatio="none" className="h-2 w-full">
                        <rect x="0" y="0" width="100" height="4" className="fill-surface-muted" />
                        <rect
                          x="0"
                          y="0"
                          width={top === 0 ? 0 : Math.min(100, (value / top) * 100)}
                          height="4"
                          className="fill-accent-line"
                        />
                      </svg>
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
      </div>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            {measures.map((measure) => (
              <th key={measure.key} scope="col">
                {measure.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.label}>
              <th scope="row">{run.label}</th>
              {measures.map((measure) => (
                <td key={measure.key}>{measure.format(run.values[measure.key] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
