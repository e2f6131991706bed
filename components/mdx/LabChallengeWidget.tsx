'use client';

import { useId, useRef, type ReactNode } from 'react';
import { useLessonLab } from '@/components/labs/lesson/lesson-lab-store';
import { LabRun } from '@/components/labs/lesson/LabRun';
import { Button } from '@/components/ui/Button';
import { useHydrated } from '@/components/ui/use-hydrated';
import type { LabStepView } from '@/lib/challenges/lab-steps';
import { ChallengeCard, ChallengeHint, ChallengeVerdict } from './ChallengeCard';
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
    <ChallengeCard
      id={id}
      region={region}
      headingId={headingId}
      label="Lab challenge"
      title={title}
      goal={goal}
      passedThisVisit={passedThisVisit}
    >
      <p className="mt-3 text-xs text-muted">
        Work in your lab above: the checks run by themselves after each command and each failover or reshard.
      </p>
      <ChallengeCheckList labels={checkLabels} results={result?.checks ?? null} />
      <ChallengeVerdict error={state.status === 'error' ? state.error : null} result={result} />
      <Button onClick={check} disabled={!hydrated || checkingOnRequest} size="sm" className="mt-3 text-sm">
        {checkingOnRequest ? 'Checking…' : 'Check'}
      </Button>
      <ChallengeHint hint={hint} />
      {struggled && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-medium">Show a solution</summary>
          <ol className="mt-2 list-decimal space-y-1 pl-5">
            {solution.map((step, index) =>
              step.kind === 'command' ? (
                <li key={index}>
                  <LabRun command={step.command} mode={step.mode ?? undefined} shard={step.shard} />
                </li>
              ) : (
                <li key={index}>{step.text}</li>
              ),
            )}
          </ol>
        </details>
      )}
    </ChallengeCard>
  );
}
