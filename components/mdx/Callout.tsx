import type { ReactNode } from 'react';

/** One callout, many looks: each variant is a row of data, not a copy of the component. */
const VARIANTS = {
  note: { label: 'Note', icon: 'ℹ', className: 'border-accent-line bg-accent-soft' },
  tip: { label: 'Tip', icon: '✦', className: 'border-emerald-500 bg-emerald-50 dark:bg-emerald-950/40' },
  pitfall: { label: 'Pitfall', icon: '⚠', className: 'border-amber-500 bg-amber-50 dark:bg-amber-950/40' },
  interview: { label: 'Interview tip', icon: '💬', className: 'border-violet-500 bg-violet-50 dark:bg-violet-950/40' },
  elasticache: {
    label: 'ElastiCache difference',
    icon: '☁',
    className: 'border-orange-500 bg-orange-50 dark:bg-orange-950/40',
  },
} as const;

export type CalloutVariant = keyof typeof VARIANTS;
export const CALLOUT_VARIANTS = Object.keys(VARIANTS) as CalloutVariant[];

export function Callout({
  variant = 'note',
  title,
  children,
}: {
  variant?: CalloutVariant;
  title?: string;
  children: ReactNode;
}) {
  const look = VARIANTS[variant] ?? VARIANTS.note;
  return (
    <aside
      data-variant={variant}
      aria-label={`${look.label}${title ? `: ${title}` : ''}`}
      className={`not-prose my-6 rounded-md border-l-4 px-4 py-3 text-sm leading-relaxed ${look.className}`}
    >
      <p className="mb-1 font-semibold">
        <span aria-hidden="true" className="mr-1.5">
          {look.icon}
        </span>
        {title ? (
          <>
            <span className="sr-only">{look.label}: </span>
            {title}
          </>
        ) : (
          look.label
        )}
      </p>
      <div className="space-y-2 [&_a]:underline [&_code]:font-mono">{children}</div>
    </aside>
  );
}
