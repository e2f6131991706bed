import type { ReactNode, RefObject } from 'react';
import { cn } from '@/components/ui/cn';
import type { ChallengeResult } from '@/lib/challenges/types';

/**
 * What a sandbox challenge and a lab challenge show alike: the card (green once passed), its
 * badge, title and goal, the verdict of the latest check and the hint. Each widget puts its own
 * console, checks and solution inside.
 */
export function ChallengeCard({
  id,
  region,
  headingId,
  label,
  title,
  goal,
  passedThisVisit,
  passedBefore = false,
  children,
}: {
  id: string;
  region: RefObject<HTMLElement | null>;
  headingId: string;
  /** "Challenge" or "Lab challenge". */
  label: string;
  title: string;
  goal: ReactNode;
  passedThisVisit: boolean;
  /** Passed on an earlier visit: the card is green and says so. */
  passedBefore?: boolean;
  children: ReactNode;
}) {
  const passedCard = passedThisVisit || passedBefore;
  return (
    <section
      ref={region}
      aria-labelledby={headingId}
      data-challenge-id={id}
      data-passed={passedCard}
      className={cn(
        'not-prose my-8 rounded-lg border-2 p-4',
        passedCard
          ? 'border-emerald-600 bg-emerald-50 dark:border-emerald-500 dark:bg-emerald-950/40'
          : 'border-accent-border bg-accent-soft',
      )}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-xs font-semibold uppercase tracking-wide text-accent-text-strong">{label}</p>
        {passedThisVisit ? (
          <p className="text-sm font-semibold text-emerald-800 dark:text-emerald-300">✓ Passed</p>
        ) : (
          passedBefore && <p className="text-xs font-medium text-emerald-800 dark:text-emerald-300">✓ Passed before</p>
        )}
      </div>
      <h3 id={headingId} className="mt-1 text-lg font-semibold">
        {title}
      </h3>
      <div className="mt-2 space-y-2 text-sm leading-relaxed [&_code]:font-mono">{goal}</div>
      {children}
    </section>
  );
}

/** The latest check's verdict (or why it could not run), read out once by its live region. */
export function ChallengeVerdict({ error, result }: { error: string | null; result: ChallengeResult | null }) {
  return (
    <div aria-live="polite" className="mt-2 text-sm">
      {error !== null && <p className="text-danger-text">Could not check: {error}</p>}
      {result && (
        <p className={`font-semibold ${result.passed ? 'text-success-text' : 'text-danger-text'}`}>
          {result.passed
            ? 'Passed: every check is green.'
            : `Not yet: ${result.checks.filter((item) => !item.passed).length} of ${result.checks.length} checks failed.`}
        </p>
      )}
    </div>
  );
}

/** The author's hint, folded until asked for: it comes before any solution. */
export function ChallengeHint({ hint }: { hint: ReactNode }) {
  if (!hint) return null;
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer font-medium">Hint</summary>
      <div className="mt-2 [&_code]:font-mono">{hint}</div>
    </details>
  );
}
