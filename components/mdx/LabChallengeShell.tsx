'use client';

import { useId, useRef, type ReactNode } from 'react';
import { ChallengeCard, ChallengeHint } from './ChallengeCard';
import { ChallengeChecks } from './ChallengeChecks';
import { useChallengeCheck } from './use-challenge-check';

/**
 * What every lab challenge shows (the cluster and replication labs, the patterns lab): the card,
 * how its checks are triggered, the checks and the hint, and the solution's steps once the learner
 * has struggled. Each lab's widget gives the lab whose answers trigger the checks and draws its
 * own steps (lab commands, experiments to run).
 */
export function LabChallengeShell({
  id,
  title,
  goal,
  hint,
  checkLabels,
  lab,
  howChecked,
  solutionSteps,
}: {
  id: string;
  title: string;
  goal: ReactNode;
  hint: ReactNode;
  checkLabels: string[];
  /** The lab whose answers re-run the checks. */
  lab: { completed: number; busy: boolean };
  /** One sentence: when the checks run. */
  howChecked: string;
  solutionSteps: ReactNode[];
}) {
  const region = useRef<HTMLElement>(null);
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
      <p className="mt-3 text-xs text-muted">{howChecked}</p>
      <ChallengeChecks labels={checkLabels} state={state} check={check} />
      <ChallengeHint hint={hint} />
      {struggled && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-medium">Show a solution</summary>
          <ol className="mt-2 list-decimal space-y-1 pl-5">
            {solutionSteps.map((step, index) => (
              <li key={index}>{step}</li>
            ))}
          </ol>
        </details>
      )}
    </ChallengeCard>
  );
}
