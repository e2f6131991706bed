'use client';

import type { ReactNode } from 'react';
import { useLessonLab } from '@/components/labs/lesson/lesson-lab-store';
import { LabRun } from '@/components/labs/lesson/LabRun';
import type { LabStepView } from '@/lib/challenges/lab-steps';
import { LabChallengeShell } from './LabChallengeShell';

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
  return (
    <LabChallengeShell
      id={id}
      title={title}
      goal={goal}
      hint={hint}
      checkLabels={checkLabels}
      lab={useLessonLab()}
      howChecked="Work in your lab above: the checks run by themselves after each command and each failover or reshard."
      solutionSteps={solution.map((step, index) =>
        step.kind === 'command' ? (
          <LabRun key={index} command={step.command} mode={step.mode ?? undefined} shard={step.shard} />
        ) : (
          step.text
        ),
      )}
    />
  );
}
