'use client';

import { useId, useRef, type ReactNode } from 'react';
import { ChallengeCard, ChallengeHint } from '@/components/mdx/ChallengeCard';
import { ChallengeChecks } from '@/components/mdx/ChallengeChecks';
import { useChallengeCheck } from '@/components/mdx/use-challenge-check';
import { usePatternsLab } from './patterns-lab-store';

interface PatternsChallengeWidgetProps {
  id: string;
  title: string;
  goal: ReactNode;
  hint: ReactNode;
  /** The reference solution, one sentence per experiment to run. */
  solution: string[];
  checkLabels: string[];
}

/**
 * A challenge verified from the learner's recorded patterns lab results: the checks run by
 * themselves after each experiment the page's patterns lab finishes, and on Check. The solution
 * says which experiments to run once the learner has struggled.
 */
export function PatternsChallengeWidget({
  id,
  title,
  goal,
  hint,
  solution,
  checkLabels,
}: PatternsChallengeWidgetProps) {
  const region = useRef<HTMLElement>(null);
  const lab = usePatternsLab();
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
        Run experiments in the patterns lab on this page: the checks read your recorded results after each one.
      </p>
      <ChallengeChecks labels={checkLabels} state={state} check={check} />
      <ChallengeHint hint={hint} />
      {struggled && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-medium">Show a solution</summary>
          <ol className="mt-2 list-decimal space-y-1 pl-5">
            {solution.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </details>
      )}
    </ChallengeCard>
  );
}
