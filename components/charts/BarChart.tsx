/**
 * A small bar chart in SVG, with the same figures as a table for screen readers (and anyone who
 * prefers numbers). No chart library: a few dozen bars do not need one, and the page stays light.
 */
export interface Bar {
  label: string;
  /** Short tick label under the bar; omitted ticks keep the axis readable on phones. */
  tick?: string;
  value: number | null;
  /** The value as text, for the table and the tooltip (e.g. "80%"). */
  display: string;
}

export function BarChart({
  title,
  bars,
  max,
  caption,
  valueHeading,
}: {
  title: string;
  bars: Bar[];
  max: number;
  caption: string;
  valueHeading: string;
}) {
  const width = 100 / Math.max(bars.length, 1);
  return (
    <figure className="m-0">
      <svg
        viewBox="0 0 100 44"
        preserveAspectRatio="none"
        className="h-32 w-full overflow-visible"
        role="img"
        aria-label={`${title}: ${caption}`}
      >
        <line x1="0" y1="40" x2="100" y2="40" className="stroke-slate-300 dark:stroke-slate-700" strokeWidth="0.3" />
        {bars.map((bar, index) => {
          const height = bar.value === null || max === 0 ? 0 : (bar.value / max) * 38;
          return (
            <rect
              key={bar.label}
              x={index * width + width * 0.15}
              y={40 - height}
              width={width * 0.7}
              height={Math.max(height, bar.value ? 0.5 : 0)}
              className="fill-accent-line"
            >
              <title>{`${bar.label}: ${bar.display}`}</title>
            </rect>
          );
        })}
      </svg>
      <div aria-hidden="true" className="flex text-[10px] text-slate-500 dark:text-slate-400">
        {bars.map((bar) => (
          <span key={bar.label} className="text-center" style={{ width: `${width}%` }}>
            {bar.tick ?? ''}
          </span>
        ))}
      </div>
      <figcaption className="mt-1 text-xs text-muted">{caption}</figcaption>
      <details className="mt-1 text-xs">
        <summary className="cursor-pointer text-muted">Show as a table</summary>
        <table className="mt-2 w-full text-left">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">{valueHeading}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.label}>
                <td>{bar.label}</td>
                <td className="tabular-nums">{bar.display}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
