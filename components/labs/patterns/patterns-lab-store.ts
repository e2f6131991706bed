'use client';
/**
 * What the patterns lab's pieces on a lesson page share: an experiment that finishes bumps
 * `completed`, so that the lesson's patterns challenges check again by themselves (as lab and
 * sandbox challenges do after each command). A module store, not a context, because MDX components
 * are siblings with no common parent of ours.
 */
import { useSyncExternalStore } from 'react';

export interface PatternsLabSnapshot {
  completed: number;
  busy: boolean;
}

let snapshot: PatternsLabSnapshot = { completed: 0, busy: false };
const listeners = new Set<() => void>();
const serverSnapshot: PatternsLabSnapshot = { completed: 0, busy: false };

function update(change: Partial<PatternsLabSnapshot>): void {
  snapshot = { ...snapshot, ...change };
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function usePatternsLab(): PatternsLabSnapshot {
  return useSyncExternalStore(
    subscribe,
    () => snapshot,
    () => serverSnapshot,
  );
}

export const patternsLab = {
  setBusy(busy: boolean): void {
    if (snapshot.busy !== busy) update({ busy });
  },
  /** An experiment finished and its result is recorded: challenges may check again. */
  finished(): void {
    update({ completed: snapshot.completed + 1 });
  },
};
