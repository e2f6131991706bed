import type { CheckResult } from '@/lib/challenges/types';

const MARKS = {
  passed: { mark: '✓', spoken: 'passed', className: 'text-emerald-700 dark:text-emerald-400' },
  failed: { mark: '✗', spoken: 'failed', className: 'text-rose-700 dark:text-rose-400' },
  pending: { mark: '○', spoken: 'not checked yet', className: 'text-muted' },
} as const;

/**
 * Every check of a challenge with its tick: ✓ passed, ✗ failed (with the check's failure text and
 * what the server answered), ○ not checked yet. Before the first check every label is pending.
 */
export function ChallengeCheckList({ labels, results }: { labels: string[]; results: CheckResult[] | null }) {
  // A result list can differ from the labels (an open MULTI answers one check of its own): show it as it is.
  const rows = results ?? labels.map((label) => ({ label, passed: false, detail: '', pending: true }));
  return (
    <ul className="mt-3 space-y-1 text-sm" aria-label="Check results">
      {rows.map((check) => {
        const state = 'pending' in check ? 'pending' : check.passed ? 'passed' : 'failed';
        const { mark, spoken, className } = MARKS[state];
        return (
          <li key={check.label} data-state={state} data-passed={check.passed} className="flex gap-2">
            <span aria-hidden="true" className={className}>
              {mark}
            </span>
            <span className="min-w-0">
              <span className="font-medium">{check.label}</span>
              <span className="sr-only">: {spoken}</span>
              {state === 'failed' && (
                <span className="block break-words font-mono text-xs text-slate-700 dark:text-slate-300">
                  {check.detail}
                </span>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
