'use client';

import { useId, useRef, useState, type ReactNode } from 'react';
import { useProgress } from '@/components/progress/use-progress';
import { useSandbox } from '@/components/sandbox/SandboxProvider';
import { useHydrated } from '@/components/ui/use-hydrated';
import { Button } from '@/components/ui/Button';
import { DEFAULT_ENGINE, ENGINE_LABELS, type SandboxEngine } from '@/lib/sandbox/engines';
import { ChallengeCard, ChallengeHint, ChallengeVerdict } from './ChallengeCard';
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
  /** Commands the final change must use (`require:`); `A|B` means either. */
  require: string[];
  /** The keys the checks look at (lib/challenges/challenge-keys.ts): shown, and deleted by the reset. */
  keys: string[];
  /** The engine the challenge is solved and checked on (the spec's `engine`, Valkey unless set). */
  engine?: SandboxEngine;
}

/**
 * A goal, a console of its own, checks that tick by themselves as the learner works (and a Check
 * button), a hint, then a reference solution once the learner has struggled, and a reset of the
 * challenge's own keys.
 */
export function ChallengeWidget({
  id,
  title,
  goal,
  hint,
  solution,
  checkLabels,
  forbid,
  require: required,
  keys,
  engine = DEFAULT_ENGINE,
}: ChallengeWidgetProps) {
  const region = useRef<HTMLElement>(null);
  const { state, check, passedThisVisit, struggled } = useChallengeCheck(id, region);
  const shell = useChallengeConsole(engine);
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
  const checkingOnRequest = state.status === 'checking' && state.trigger === 'manual';
  return (
    <ChallengeCard
      id={id}
      region={region}
      headingId={headingId}
      label="Challenge"
      title={title}
      goal={goal}
      passedThisVisit={passedThisVisit}
      passedBefore={passedOnArrival === true}
    >
      {engine !== DEFAULT_ENGINE && (
        <p className="mt-2 text-sm font-medium">
          On {ENGINE_LABELS[engine].name}: the commands you type here run there, and the checks read your{' '}
          {ENGINE_LABELS[engine].name} keys.
        </p>
      )}
      {required.length > 0 && (
        <p className="mt-2 text-sm text-muted">
          Make the last change with {required.join(', ').replaceAll('|', ' or ')}.
        </p>
      )}
      {forbid.length > 0 && <p className="mt-2 text-sm text-muted">Do it without {forbid.join(', ')}.</p>}
      <ChallengeKeys id={id} keys={keys} engine={engine} runInConsole={shell.run} />
      <p className="mt-3 text-xs text-muted">
        Type here or in any console on the page: the checks run by themselves after each command.
      </p>
      <ChallengeConsole title={title} shell={shell} />
      <ChallengeCheckList labels={checkLabels} results={result?.checks ?? null} />
      <ChallengeVerdict error={state.status === 'error' ? state.error : null} result={result} />
      <div className="mt-3 flex flex-wrap gap-2">
        {sandbox && (
          <Button
            variant="secondary"
            size="sm"
            onClick={() => sandbox.openConsole({ engine })}
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
      <ChallengeHint hint={hint} />
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
                <Run key={`${index}-${line}`} command={line} engine={engine} />
              ))}
            </div>
          )}
        </div>
      )}
    </ChallengeCard>
  );
}
