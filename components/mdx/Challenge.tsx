import { Children, isValidElement, type ReactNode } from 'react';
import { challengeKeys } from '@/lib/challenges/challenge-keys';
import { checkLabels } from '@/lib/challenges/check-text';
import { findChallenge } from '@/lib/content/lessons';
import { ChallengeWidget } from './ChallengeWidget';
import { LabChallengeWidget } from './LabChallengeWidget';
import { describeLabStep } from '@/lib/challenges/lab-steps';
import { describePatternsStep } from '@/lib/challenges/patterns-steps';
import { challengeEngine } from '@/lib/content/challenge-schema';
import { isLabChallenge, isPatternsChallenge } from '@/lib/content/schema';
import { PatternsChallengeWidget } from '@/components/labs/patterns/PatternsChallengeWidget';

/** Marker child of <Challenge>: the hint, shown on request. */
export function Hint({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

/**
 * A hands-on challenge: the goal is the prose inside the tag, the hint a <Hint> child, and the
 * checks and reference solution are data in the lesson's frontmatter under the same id. Reads
 * them at build time and hands plain data to the interactive widget.
 */
export function Challenge({ id, title, children }: { id: string; title?: string; children: ReactNode }) {
  const found = findChallenge(id);
  if (!found) throw new Error(`<Challenge id="${id}"> has no entry under "challenges:" in the lesson's frontmatter.`);
  const goal: ReactNode[] = [];
  let hint: ReactNode = null;
  Children.forEach(children, (child) => {
    if (isValidElement<{ children: ReactNode }>(child) && child.type === Hint) hint = child.props.children;
    else goal.push(child);
  });
  const { spec } = found;
  if (isPatternsChallenge(spec))
    return (
      <PatternsChallengeWidget
        id={id}
        title={title ?? spec.title}
        goal={goal}
        hint={hint}
        solution={spec.solution.map(describePatternsStep)}
        checkLabels={spec.checks.map((check) => check.label)}
      />
    );
  if (isLabChallenge(spec))
    return (
      <LabChallengeWidget
        id={id}
        title={title ?? spec.title}
        goal={goal}
        hint={hint}
        solution={spec.solution.map(describeLabStep)}
        checkLabels={spec.checks.map((check) => check.label)}
      />
    );
  return (
    <ChallengeWidget
      id={id}
      title={title ?? spec.title}
      goal={goal}
      hint={hint}
      solution={spec.solution}
      checkLabels={checkLabels(spec)}
      forbid={spec.forbid ?? []}
      require={spec.require ?? []}
      keys={challengeKeys(spec)}
      engine={challengeEngine(spec)}
    />
  );
}
