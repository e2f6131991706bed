/** A row of labelled figures ("Due now 3"): one definition list, the same look everywhere. */
export interface StatFigure {
  label: string;
  value: string | number;
  testId: string;
}

export function StatFigures({
  figures,
  className = 'grid grid-cols-2 gap-4 sm:grid-cols-4',
  itemClassName = '',
  label,
}: {
  figures: StatFigure[];
  className?: string;
  itemClassName?: string;
  label?: string;
}) {
  return (
    <dl className={className} aria-label={label}>
      {figures.map((figure) => (
        <div key={figure.label} className={itemClassName}>
          <dt className="text-xs text-muted">{figure.label}</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid={figure.testId}>
            {figure.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
