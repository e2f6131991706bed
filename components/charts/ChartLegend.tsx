/** One line of a chart's legend: its name, its colour class and its dash pattern, if any. */
export interface LegendEntry {
  name: string;
  colour: string;
  dash?: string;
}

/**
 * The legend under a line chart: a short stroke in each line's colour and dash, then its name.
 * Hidden from screen readers: each chart gives its figures in text (caption and table).
 */
export function ChartLegend({ entries }: { entries: readonly LegendEntry[] }) {
  return (
    <ul aria-hidden="true" className="mt-1 flex flex-wrap gap-x-3 text-[11px] text-muted">
      {entries.map((entry) => (
        <li key={entry.name} className="flex items-center gap-1">
          <svg viewBox="0 0 12 4" className="h-1 w-3">
            <line x1="0" y1="2" x2="12" y2="2" strokeWidth="2" strokeDasharray={entry.dash} className={entry.colour} />
          </svg>
          {entry.name}
        </li>
      ))}
    </ul>
  );
}
