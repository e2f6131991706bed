'use client';
/**
 * What a lesson's lab pieces share: the <LabPanel> owns the lab and its console, <LabRun> blocks
 * and lab challenges elsewhere on the page reach it here. A module store (not a context) because
 * MDX components are siblings with no common parent of ours. `completed` counts the lab's answers
 * and operations, so lab challenges re-check after each, as sandbox challenges do.
 */
import { useSyncExternalStore } from 'react';
import type { LabConsoleMode, LabShape, LabTopology } from '@/lib/labs/cluster/api-client';

export interface LessonLabSnapshot {
  completed: number;
  busy: boolean;
  /** The shape of the running lab, null when the panel has none (or no panel is on the page). */
  running: LabShape | null;
  /** The running lab's latest topology (for <LabRun> to find a shard's primary and fill in node ids). */
  topology: LabTopology | null;
}

type Runner = (command: string, mode: LabConsoleMode, node?: string) => Promise<unknown>;

let snapshot: LessonLabSnapshot = { completed: 0, busy: false, running: null, topology: null };
let runner: Runner | null = null;
const listeners = new Set<() => void>();

function update(change: Partial<LessonLabSnapshot>): void {
  snapshot = { ...snapshot, ...change };
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const serverSnapshot: LessonLabSnapshot = { completed: 0, busy: false, running: null, topology: null };

export function useLessonLab(): LessonLabSnapshot {
  return useSyncExternalStore(
    subscribe,
    () => snapshot,
    () => serverSnapshot,
  );
}

export const lessonLab = {
  /** The panel says which lab runs and how to run a command in its console. */
  attach(run: Runner, running: LabShape | null): void {
    runner = run;
    if (snapshot.running !== running) update({ running });
  },
  detach(run: Runner): void {
    if (runner !== run) return;
    runner = null;
    update({ running: null, topology: null });
  },
  setTopology(topology: LabTopology | null): void {
    if (snapshot.topology !== topology) update({ topology });
  },
  setBusy(busy: boolean): void {
    if (snapshot.busy !== busy) update({ busy });
  },
  /** A command answered or an operation (failover, reshard, restart) finished. */
  answered(): void {
    update({ completed: snapshot.completed + 1 });
  },
  /** Runs a command in the panel's console; false when no lab is running on the page. */
  async run(command: string, mode: LabConsoleMode, node?: string): Promise<boolean> {
    if (!runner || snapshot.running === null) return false;
    await runner(command, mode, node);
    return true;
  },
};
