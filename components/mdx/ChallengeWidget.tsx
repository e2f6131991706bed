'use client';

import { useId, useRef, useState, type ReactNode } from 'react';
import { useProgress } from '@/components/progress/use-progress';
import { useSandbox } from '@/components/sandbox/SandboxProvider';
import { useHydrated } from '@/components/ui/use-hydrated';
import { Button } from '@/components/ui/Button';
import { cn } from '@/components/ui/cn';
import { ChallengeCheckList } from './ChallengeCheckList';
import { ChallengeConsole, useChallengeConsole } from './ChallengeConsole';
import { ChallengeKeys } from './ChallengeKeys';
import { Run } from './Run';
import { useChallengeCheck } from './use-challenge-check';

interface ChallengeWidgetProps {
  id: string;
  title: string;
  goal: ReactNode;
  hint: ReactNode;
  solution: string[];
  /** Every check's label, in the order results come back (lib/challenges/check-text.ts). */
  checkLabels: string[];
  forbid: string[];
  /** The keys the checks look at (lib/challenges/challenge-keys.ts): shown, and deleted by the reset. */
  keys: string[];
}

/**
 * A goal, a console of its own, checks that tick by themselves as the learner works (and a Check
 * button), a hint, then a reference solution once the learner has struggled, and a reset of the
 * challenge's own keys.
 */
export function ChallengeWidget({ id, title, goal, hint, solution, checkLabels, forbid, keys }: ChallengeWidgetProps) {
  const region = useRef<HTMLElement>(null);
  const { state, check, passedThisVisit, struggled } = useChallengeCheck(id, region);
  const shell = useChallengeConsole();
  const [showSolution, setShowSolution] = useState(false);
  const hydrated = useHydrated();
  const sandbox = useSandbox();
  const headingId = useId();
  const progress = useProgress();

  // "Passed before" is about an earlier visit: decided once, from the first progress this page sees.
  const [passedOnArrival, setPassedOnArrival] = useState<boolean | null>(null);
  if (passedOnArrival === null && progress.status === 'ready')
    setPassedOnArrival(!passedThisVisit && progress.snapshot.progress.challenges[id] !== undefined);

  const result = state.status === 'done' ? state.result : state.status === 'checking' ? state.previous : null;
  const passedCard = passedThisVisit || passedOnArrival === true;
  const checkingOnRequest = state.status === 'checking' && state.trigger === 'manual';
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
        <p className="text-xs font-semibold uppercase tracking-wide text-accent-text-strong">Challenge</p>
        {passedThisVisit ? (
          <p className="text-sm font-semibold text-emerald-800 dark:text-emerald-300">✓ Passed</p>
        ) : (
          passedOnArrival && (
            <p className="text-xs font-medium text-emerald-800 dark:text-emerald-300">✓ Passed before</p>
          )
        )}
      </div>
      <h3 id={headingId} className="mt-1 text-lg font-semibold">
        {title}
      </h3>
      <div className="mt-2 space-y-2 text-sm leading-relaxed [&_code]:font-mono">{goal}</div>
      {forbid.length > 0 && <p className="mt-2 text-sm text-muted">Do it without {forbid.join(', ')}.</p>}
      <ChallengeKeys id={id} keys={keys} runInConsole={shell.run} />
      <p className="mt-3 text-xs text-muted">
        Type here or in any console on the page: the checks run by themselves after each command.
      </p>
      <ChallengeConsole title={title} shell={shell} />
      <ChallengeCheckList labels={checkLabels} results={result?.checks ?? null} />
      <div aria-live="polite" className="mt-2 text-sm">
        {state.status === 'error' && <p className="text-danger-text">Could not check: {state.error}</p>}
        {result && (
          <p className={`font-semibold ${result.passed ? 'text-success-text' : 'text-danger-text'}`}>
            {result.passed
              ? 'Passed: every check is green.'
              : `Not yet: ${result.checks.filter((item) => !item.passed).length} of ${result.checks.length} checks failed.`}
          </p>
        )}
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        {sandbox && (
          <Button
            variant="secondary"
            size="sm"
            onClick={() => sandbox.openConsole()}
            disabled={!hydrated}
            className="text-sm"
          >
            Open console
          </Button>
        )}
        <Button onClick={check} disabled={!hydrated || checkingOnRequest} size="sm" className="text-sm">
          {checkingOnRequest ? 'Checking…' : 'Check'}
        </Button>
      </div>
      {hint && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-medium">Hint</summary>
          <div className="mt-2 [&_code]:font-mono">{hint}</div>
        </details>
      )}
      {(struggled || showSolution) && (
        <div className="mt-3">
          <Button
            variant="secondary"
            onClick={() => setShowSolution((shown) => !shown)}
            aria-expanded={showSolution}
            size="sm"
            className="text-sm"
          >
            {showSolution ? 'Hide the solution' : 'Show a solution'}
          </Button>
          {showSolution && (
            <div className="mt-3">
              <p className="text-sm font-medium">One solution (run each line in order):</p>
              {solution.map((line, index) => (
                <Run key={`${index}-${line}`} command={line} />
              ))}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
