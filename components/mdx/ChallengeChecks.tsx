'use client';

import { ChallengeVerdict } from './ChallengeCard';
import { ChallengeCheckList } from './ChallengeCheckList';
import type { CheckState } from './use-challenge-check';
import { Button } from '@/components/ui/Button';
import { useHydrated } from '@/components/ui/use-hydrated';

/**
 * The check rows, the verdict and the Check button of a lab challenge (cluster, replication or
 * patterns): the rows keep the previous results while a new check runs, and the button says
 * "Checking…" only for a check the learner asked for, not for the automatic ones.
 */
export function ChallengeChecks({ labels, state, check }: { labels: string[]; state: CheckState; check: () => void }) {
  const hydrated = useHydrated();
  const result = state.status === 'done' ? state.result : state.status === 'checking' ? state.previous : null;
  const checkingOnRequest = state.status === 'checking' && state.trigger === 'manual';
  return (
    <>
      <ChallengeCheckList labels={labels} results={result?.checks ?? null} />
      <ChallengeVerdict error={state.status === 'error' ? state.error : null} result={result} />
      <Button onClick={check} disabled={!hydrated || checkingOnRequest} size="sm" className="mt-3 text-sm">
        {checkingOnRequest ? 'Checking…' : 'Check'}
      </Button>
    </>
  );
}
