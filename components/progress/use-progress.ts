'use client';

/**
 * One shared copy of the learner's progress per page: every badge, bar and panel reads it, and
 * anything that records progress calls refreshProgress() so they all update together.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { fetchProgress, type ProgressSnapshot } from '@/lib/progress/api-client';

export type ProgressState =
  { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; snapshot: ProgressSnapshot };

let state: ProgressState = { status: 'loading' };
let started = false;
const listeners = new Set<() => void>();

function publish(next: ProgressState) {
  state = next;
  for (const listener of listeners) listener();
}

export async function refreshProgress(): Promise<void> {
  started = true;
  const result = await fetchProgress();
  if (result.ok) publish({ status: 'ready', snapshot: { progress: result.progress, summary: result.summary } });
  else if (state.status !== 'ready') publish({ status: 'error', error: result.error });
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const serverState: ProgressState = { status: 'loading' };

export function useProgress(): ProgressState {
  useEffect(() => {
    if (!started) void refreshProgress();
  }, []);
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => serverState,
  );
}
