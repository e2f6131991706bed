'use client';

import { useId, useRef, type ReactNode } from 'react';
import { useLessonLab } from '@/components/labs/lesson/lesson-lab-store';
import { LabRun } from '@/components/labs/lesson/LabRun';
import type { LabStepView } from '@/lib/challenges/lab-steps';
import { ChallengeCard, ChallengeHint } from './ChallengeCard';
import { ChallengeChecks } from './ChallengeChecks';
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
  const headingId = useId();
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
      <ChallengeChecks labels={checkLabels} state={state} check={check} />
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
