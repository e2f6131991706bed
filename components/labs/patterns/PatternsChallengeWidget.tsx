'use client';

import type { ReactNode } from 'react';
import { LabChallengeShell } from '@/components/mdx/LabChallengeShell';
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
  return (
    <LabChallengeShell
      id={id}
      title={title}
      goal={goal}
      hint={hint}
      checkLabels={checkLabels}
      lab={usePatternsLab()}
      howChecked="Run experiments in the patterns lab on this page: the checks read your recorded results after each one."
      solutionSteps={solution}
    />
  );
}
