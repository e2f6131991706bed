'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { refreshProgress } from '@/components/progress/use-progress';
import { useSandbox } from '@/components/sandbox/SandboxProvider';
import { requestChallengeCheck } from '@/lib/challenges/api-client';
import type { ChallengeResult } from '@/lib/challenges/types';

/** How long the console must be quiet before the checks run again: one check for a burst of commands. */
export const AUTO_CHECK_DELAY_MS = 400;
/** After this many automatic checks that fail, the widget offers the solution as a failed Check does. */
export const AUTO_FAILURES_BEFORE_SOLUTION = 3;

export type CheckState =
  | { status: 'idle' }
  /** `previous` stays on screen meanwhile; an automatic check does not announce itself. */
  | { status: 'checking'; trigger: 'manual' | 'auto'; previous: ChallengeResult | null }
  | { status: 'error'; error: string }
  | { status: 'done'; result: ChallengeResult };

export interface ChallengeCheck {
  state: CheckState;
  /** The checks, run now because the learner pressed Check. */
  check(): void;
  /** True once the learner has seen this challenge pass on this visit. */
  passedThisVisit: boolean;
  /** A manual Check failed, or enough automatic ones did: time to offer the solution. */
  struggled: boolean;
}

/**
 * Runs a challenge's checks when the learner asks, and by themselves a moment after each command
 * the page's console answers (SandboxProvider's `completed`), but only while the challenge is on
 * screen: a pass is recorded only when the learner can see it happen. Commands answered before the
 * widget mounted never trigger a check, so old keys cannot tick a challenge on arrival.
 */
export function useChallengeCheck(
  id: string,
  region: RefObject<HTMLElement | null>,
  /** The console whose answers trigger checks, when not the sandbox's (a lab challenge: the lesson's lab). */
  source?: { completed: number; busy: boolean },
): ChallengeCheck {
  const sandbox = useSandbox();
  const completed = source?.completed ?? sandbox?.completed ?? 0;
  const consoleBusy = source?.busy ?? sandbox?.busy ?? false;
  const [state, setState] = useState<CheckState>({ status: 'idle' });
  const [passedThisVisit, setPassedThisVisit] = useState(false);
  const [manualFailed, setManualFailed] = useState(false);
  const [autoFailures, setAutoFailures] = useState(0);
  const [completedOnArrival] = useState(completed);
  const onScreen = useRef(false);
  const latestRequest = useRef(0);

  const runChecks = useCallback(
    async (trigger: 'manual' | 'auto') => {
      const request = ++latestRequest.current;
      setState((current) => ({
        status: 'checking',
        trigger,
        previous: current.status === 'done' ? current.result : current.status === 'checking' ? current.previous : null,
      }));
      const result = await requestChallengeCheck(id);
      // An older check that answers late must not overwrite a newer one.
      if (request !== latestRequest.current) return;
      if (!result.ok) return setState({ status: 'error', error: result.error });
      setState({ status: 'done', result });
      if (result.passed) {
        setPassedThisVisit(true);
        void refreshProgress();
      } else if (trigger === 'manual') setManualFailed(true);
      else setAutoFailures((count) => count + 1);
    },
    [id],
  );

  useEffect(() => {
    const element = region.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) onScreen.current = entry.isIntersecting;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [region]);

  // Not while a command is queued or running: its reply will bump `completed` and bring us back.
  useEffect(() => {
    if (completed <= completedOnArrival || consoleBusy || !onScreen.current) return;
    const timer = setTimeout(() => void runChecks('auto'), AUTO_CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [completed, completedOnArrival, consoleBusy, runChecks]);

  return {
    state,
    check: () => void runChecks('manual'),
    passedThisVisit,
    struggled: manualFailed || autoFailures >= AUTO_FAILURES_BEFORE_SOLUTION,
  };
}
