'use client';

import { useId, useState, type ReactNode } from 'react';
import { refreshProgress, useProgress } from '@/components/progress/use-progress';
import { useSandbox } from '@/components/sandbox/SandboxProvider';
import { useHydrated } from '@/components/ui/use-hydrated';
import { requestChallengeCheck } from '@/lib/challenges/api-client';
import type { ChallengeResult } from '@/lib/challenges/types';
import { Run } from './Run';
import { Button } from '@/components/ui/Button';

interface ChallengeWidgetProps {
  id: string;
  title: string;
  goal: ReactNode;
  hint: ReactNode;
  solution: string[];
  checkLabels: string[];
  forbid: string[];
}

type CheckState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'error'; error: string }
  | { status: 'done'; result: ChallengeResult };

/** A goal, a hint, a reference solution on request, and a Check button that inspects the learner's real keys. */
export function ChallengeWidget({ id, title, goal, hint, solution, checkLabels, forbid }: ChallengeWidgetProps) {
  const [state, setState] = useState<CheckState>({ status: 'idle' });
  const [showSolution, setShowSolution] = useState(false);
  const hydrated = useHydrated();
  const sandbox = useSandbox();
  const headingId = useId();
  const progress = useProgress();
  const passedBefore = progress.status === 'ready' && progress.snapshot.progress.challenges[id] !== undefined;

  const check = async () => {
    setState({ status: 'checking' });
    const result = await requestChallengeCheck(id);
    if (!result.ok) return setState({ status: 'error', error: result.error });
    setState({ status: 'done', result });
    if (result.passed) void refreshProgress();
  };

  const results = state.status === 'done' ? state.result.checks : null;
  return (
    <section
      aria-labelledby={headingId}
      data-challenge-id={id}
      className="not-prose my-8 rounded-lg border-2 border-accent-border bg-accent-soft p-4"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-xs font-semibold uppercase tracking-wide text-accent-text-strong">Challenge</p>
        {passedBefore && <p className="text-xs font-medium text-emerald-700 dark:text-emerald-400">✓ Passed before</p>}
      </div>
      <h3 id={headingId} className="mt-1 text-lg font-semibold">
        {title}
      </h3>
      <div className="mt-2 space-y-2 text-sm leading-relaxed [&_code]:font-mono">{goal}</div>
      {forbid.length > 0 && <p className="mt-2 text-sm text-muted">Do it without {forbid.join(', ')}.</p>}
      <p className="mt-3 text-xs text-muted">
        Type your commands in the sandbox, then press Check. Checks: {checkLabels.join(' · ')}.
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        {sandbox && (
          <Button variant="secondary" onClick={() => sandbox.openConsole()} disabled={!hydrated} className="text-sm">
            Open console
          </Button>
        )}
        <Button onClick={check} disabled={!hydrated || state.status === 'checking'} className="text-sm">
          {state.status === 'checking' ? 'Checking…' : 'Check'}
        </Button>
        <Button
          variant="secondary"
          onClick={() => setShowSolution((shown) => !shown)}
          aria-expanded={showSolution}
          disabled={!hydrated}
          className="text-sm"
        >
          {showSolution ? 'Hide the solution' : 'Show a solution'}
        </Button>
      </div>
      {hint && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-medium">Hint</summary>
          <div className="mt-2 [&_code]:font-mono">{hint}</div>
        </details>
      )}
      {showSolution && (
        <div className="mt-3">
          <p className="text-sm font-medium">One solution (run each line in order):</p>
          {solution.map((line, index) => (
            <Run key={`${index}-${line}`} command={line} />
          ))}
        </div>
      )}
      <div aria-live="polite" className="mt-3 text-sm">
        {state.status === 'error' && <p className="text-danger-text">Could not check: {state.error}</p>}
        {results && state.status === 'done' && (
          <>
            <p className={`font-semibold ${state.result.passed ? 'text-success-text' : 'text-danger-text'}`}>
              {state.result.passed
                ? 'Passed: every check is green.'
                : `Not yet: ${results.filter((check) => !check.passed).length} of ${results.length} checks failed.`}
            </p>
            <ul className="mt-2 space-y-1" aria-label="Check results">
              {results.map((check) => (
                <li key={check.label} data-passed={check.passed} className="flex gap-2">
                  <span
                    aria-hidden="true"
                    className={
                      check.passed ? 'text-emerald-700 dark:text-emerald-400' : 'text-rose-700 dark:text-rose-400'
                    }
                  >
                    {check.passed ? '✓' : '✗'}
                  </span>
                  <span>
                    <span className="font-medium">{check.label}</span>
                    <span className="sr-only">{check.passed ? ': passed' : ': failed'}</span>
                    {!check.passed && (
                      <span className="block break-words font-mono text-xs text-slate-700 dark:text-slate-300">
                        {check.detail}
                      </span>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
