'use client';

import { useState } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';
import { Button } from '@/components/ui/Button';
import { requestChallengeReset } from '@/lib/challenges/api-client';
import { quoteKey } from '@/lib/challenges/check-text';
import type { SandboxEngine } from '@/lib/sandbox/engines';

type ResetState =
  | { status: 'idle' }
  | { status: 'resetting' }
  | { status: 'error'; error: string }
  | { status: 'done'; deleted: string[] };

const listed = (keys: string[]) => keys.join(', ');

/**
 * The keys a challenge's checks look at, and a reset that deletes exactly those (and none of the
 * learner's other keys), so an old key from another lesson cannot pass or fail a check by accident.
 * After a reset it runs EXISTS (Memcached: get) on them in the challenge's console: the learner sees them gone, and
 * the key browser and the checks refresh as after any command.
 */
export function ChallengeKeys({
  id,
  keys,
  engine = 'valkey',
  runInConsole,
}: {
  id: string;
  keys: string[];
  engine?: SandboxEngine;
  runInConsole(command: string): Promise<void>;
}) {
  const hydrated = useHydrated();
  const [state, setState] = useState<ResetState>({ status: 'idle' });
  if (keys.length === 0) return null;

  const reset = async () => {
    setState({ status: 'resetting' });
    const result = await requestChallengeReset(id);
    if (!result.ok) return setState({ status: 'error', error: result.error });
    setState({ status: 'done', deleted: result.deleted });
    // Memcached has no EXISTS: a get of the keys answers a bare END when none is left.
    await runInConsole(engine === 'memcached' ? `get ${keys.join(' ')}` : `EXISTS ${keys.map(quoteKey).join(' ')}`);
  };

  return (
    <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
      <p>
        This challenge uses:{' '}
        {keys.map((key, index) => (
          <span key={key}>
            {index > 0 && ', '}
            <code className="rounded bg-surface-muted px-1 font-mono text-xs">{key}</code>
          </span>
        ))}
      </p>
      <Button variant="secondary" size="xs" onClick={reset} disabled={!hydrated || state.status === 'resetting'}>
        {state.status === 'resetting' ? 'Resetting…' : "Reset this challenge's keys"}
      </Button>
      <p role="status" className="w-full text-xs text-muted empty:hidden">
        {state.status === 'error' && <span className="text-danger-text">Could not reset: {state.error}</span>}
        {state.status === 'done' &&
          (state.deleted.length > 0
            ? `Deleted ${listed(state.deleted)}. Your other keys are untouched.`
            : `Nothing to delete: ${listed(keys)} did not exist.`)}
      </p>
    </div>
  );
}
