import { cn } from '@/components/ui/cn';

/** What a bar's fill says: on track, weak (needs work), or simply how far. */
export type ProgressTone = 'good' | 'weak' | 'neutral';

const FILL: Record<ProgressTone, string> = {
  good: 'bg-emerald-600 dark:bg-emerald-400',
  weak: 'bg-amber-600 dark:bg-amber-400',
  neutral: 'bg-accent-line',
};

/**
 * A progress bar drawn by the app rather than the browser: the native <progress> ignores its colour
 * in Chromium, so 0 % looked full and a weak score looked green. A light track, a fill in the tone's
 * colour (none at 0 %), and the value for assistive technology in aria-valuenow; the number as text
 * sits beside it where the caller shows it.
 */
export function ProgressBar({
  value,
  label,
  tone = 'neutral',
  thin = false,
  className,
}: {
  /** 0–100. */
  value: number;
  /** The accessible name, with the value in words ("Caching patterns: 40% average, weak"). */
  label: string;
  tone?: ProgressTone;
  /** A slimmer bar, for lists. */
  thin?: boolean;
  className?: string;
}) {
  const percent = Math.min(100, Math.max(0, Math.round(value)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuenow={percent}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuetext={`${percent}%`}
      className={cn(
        thin ? 'h-1.5' : 'h-2',
        'w-full overflow-hidden rounded-full bg-slate-200 ring-1 ring-inset ring-slate-300 dark:bg-slate-800 dark:ring-slate-700',
        className,
      )}
    >
      <div className={cn('h-full rounded-full', FILL[tone])} style={{ width: `${percent}%` }} />
    </div>
  );
}
