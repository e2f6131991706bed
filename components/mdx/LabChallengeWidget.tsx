'use client';

import { useId, useRef, type ReactNode } from 'react';
import { useLessonLab } from '@/components/labs/lesson/lesson-lab-store';
import { LabRun } from '@/components/labs/lesson/LabRun';
import { Button } from '@/components/ui/Button';
import { cn } from '@/components/ui/cn';
import { useHydrated } from '@/components/ui/use-hydrated';
import type { LabStepView } from '@/lib/challenges/lab-steps';
import { ChallengeCheckList } from './ChallengeCheckList';
import { useChallengeCheck } from './use-challenge-check';

interface LabChallengeWidgetProps {
  id: string;
  title: string;
  goal: ReactNode;
  hint: ReactNode;
  solution: LabStepView[];
  checkLabels: string[];
}

/**
 * A challenge checked on the learner's own lab: the checks run by themselves after each command the
 * lesson's lab answers and each failover or reshard, and on Check. The solution is shown as lab
 * commands and lab panel actions once the learner has struggled.
 */
export function LabChallengeWidget({ id, title, goal, hint, solution, checkLabels }: LabChallengeWidgetProps) {
  const region = useRef<HTMLElement>(null);
  const lab = useLessonLab();
  const { state, check, passedThisVisit, struggled } = useChallengeCheck(id, region, lab);
  const hydrated = useHydrated();
  const headingId = useId();
  const result = state.status === 'done' ? state.result : state.status === 'checking' ? state.previous : null;
  const checkingOnRequest = state.status === 'checking' && state.trigger === 'manual';
  return (
    <section
      ref={region}
      aria-labelledby={headingId}
      data-challenge-id={id}
      data-passed={passedThisVisit}
      className={cn(
        'not-prose my-8 rounded-lg border-2 p-4',
        passedThisVisit
          ? 'border-emerald-600 bg-emerald-50 dark:border-emerald-500 dark:bg-emerald-950/40'
          : 'border-accent-border bg-accent-soft',
      )}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-xs font-semibold uppercase tracking-wide text-accent-text-strong">Lab challenge</p>
        {passedThisVisit && <p className="text-sm font-semibold text-emerald-800 dark:text-emerald-300">✓ Passed</p>}
      </div>
      <h3 id={headingId} className="mt-1 text-lg font-semibold">
        {title}
      </h3>
      <div className="mt-2 space-y-2 text-sm leading-relaxed [&_code]:font-mono">{goal}</div>
      <p className="mt-3 text-xs text-muted">
        Work in your lab above: the checks run by themselves after each command and each failover or reshard.
      </p>
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
      <Button onClick={check} disabled={!hydrated || checkingOnRequest} size="sm" className="mt-3 text-sm">
        {checkingOnRequest ? 'Checking…' : 'Check'}
      </Button>
      {hint && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-medium">Hint</summary>
          <div className="mt-2 [&_code]:font-mono">{hint}</div>
        </details>
      )}
      {struggled && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-medium">Show a solution</summary>
          <ol className="mt-2 list-decimal space-y-1 pl-5">
            {solution.map((step, index) =>
              step.kind === 'command' ? (
                <li key={index}>
                  <LabRun command={step.command} mode={step.mode ?? undefined} />
                </li>
              ) : (
                <li key={index}>{step.text}</li>
              ),
            )}
          </ol>
        </details>
      )}
    </section>
  );
}
