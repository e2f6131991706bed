'use client';

import type { Ref } from 'react';
import { Button } from '@/components/ui/Button';
import type { Saving } from './use-interview-run';

const secondary = { variant: 'secondary', size: 'md', className: 'min-h-11 text-sm' } as const;

/** Ending early (with a confirmation that keeps focus on "Keep going"), and the saving status with its retry. */
export function EndInterview({
  reviewedCount,
  confirming,
  onConfirming,
  keepGoingRef,
  saving,
  onFinish,
}: {
  reviewedCount: number;
  confirming: boolean;
  onConfirming: (open: boolean) => void;
  keepGoingRef: Ref<HTMLButtonElement>;
  saving: Saving;
  /** Scores the first `count` questions. */
  onFinish: (count: number) => void;
}) {
  const busy = saving.status === 'saving';
  return (
    <>
      <div className="mt-8 border-t border-line pt-4">
        {confirming ? (
          <div
            role="group"
            aria-label="Confirm ending the interview"
            className="flex flex-wrap items-center gap-2 text-sm"
          >
            <p className="w-full">
              End now and score the {reviewedCount} question{reviewedCount === 1 ? '' : 's'} you have marked? The rest
              are left out.
            </p>
            <Button ref={keepGoingRef} onClick={() => onConfirming(false)} {...secondary}>
              Keep going
            </Button>
            <Button onClick={() => onFinish(reviewedCount)} {...secondary}>
              End and score
            </Button>
          </div>
        ) : (
          <Button onClick={() => onConfirming(true)} disabled={reviewedCount === 0 || busy} {...secondary}>
            End the interview early
          </Button>
        )}
        {reviewedCount === 0 && !confirming && (
          <p className="mt-1 text-xs text-muted">You can end early once a question is marked.</p>
        )}
      </div>

      <div className="mt-3 text-sm">
        <p role="status">{busy ? 'Scoring and saving your interview…' : ''}</p>
        {saving.status === 'error' && (
          <div role="alert" className="rounded-md border border-danger-line p-3">
            <p>Your results could not be saved: {saving.error}</p>
            <Button onClick={() => onFinish(saving.count)} {...secondary} className="mt-2 min-h-11 text-sm">
              Try again
            </Button>
          </div>
        )}
      </div>
    </>
  );
}
