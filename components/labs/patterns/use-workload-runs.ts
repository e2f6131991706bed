'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { patternsLab } from './patterns-lab-store';
import { readRun, startRun, type PatternId, type RunStatus, type WorkloadParams } from './patterns-api';
import { workloadFor } from './workload-bounds';

/** How often a running run is read: twice per data point, so each second shows up promptly. */
const POLL_MS = 500;

/** One run of a comparison: its pattern, and what the server last said about it (null before it starts). */
export interface RunSlot {
  pattern: PatternId;
  status: RunStatus | null;
}

export interface RunError {
  status: number;
  message: string;
}

export interface WorkloadRuns {
  slots: RunSlot[];
  params: WorkloadParams | null;
  /** True from Run until the last run of the comparison has finished. */
  busy: boolean;
  error: RunError | null;
  /** Runs the workload with `params.pattern`, then (same workload) with `comparePattern` if given. */
  start(params: WorkloadParams, comparePattern?: PatternId): void;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Starts workload runs and follows them until they end. The server runs one run per learner at a
 * time (429 otherwise), so the two runs of a comparison go one after the other. Leaving the page
 * stops the polling (the run itself ends on its own, bounded in time by the server).
 */
export function useWorkloadRuns(): WorkloadRuns {
  const [slots, setSlots] = useState<RunSlot[]>([]);
  const [params, setParams] = useState<WorkloadParams | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RunError | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const follow = useCallback(async (id: string, index: number, signal: AbortSignal): Promise<RunStatus | RunError> => {
    for (;;) {
      const answer = await readRun(id, signal).catch(() => null);
      if (signal.aborted || answer === null) return { status: 0, message: 'Stopped following the run.' };
      if (!answer.ok) return { status: answer.status, message: answer.error };
      const status = answer.value;
      // The server samples the trace only while the run goes: keep its last commands on screen after.
      setSlots((current) =>
        current.map((slot, each) =>
          each === index
            ? { ...slot, status: status.trace.length > 0 ? status : { ...status, trace: slot.status?.trace ?? [] } }
            : slot,
        ),
      );
      if (status.state !== 'running') return status;
      await sleep(POLL_MS, signal);
    }
  }, []);

  const start = useCallback(
    (workload: WorkloadParams, comparePattern?: PatternId) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      const patterns =
        comparePattern && comparePattern !== workload.pattern ? [workload.pattern, comparePattern] : [workload.pattern];
      setSlots(patterns.map((pattern) => ({ pattern, status: null })));
      setParams(workload);
      setError(null);
      setBusy(true);
      patternsLab.setBusy(true);
      void (async () => {
        try {
          for (const [index, pattern] of patterns.entries()) {
            let started = await startRun(workloadFor(workload, pattern));
            // The first run of a comparison may still be closing on the server as its last status arrives.
            for (let retry = 0; index > 0 && !started.ok && started.status === 429 && retry < 10; retry++) {
              await sleep(POLL_MS, abort.signal);
              started = await startRun(workloadFor(workload, pattern));
            }
            if (abort.signal.aborted) return;
            if (!started.ok) return setError({ status: started.status, message: started.error });
            const outcome = await follow(started.value.id, index, abort.signal);
            if (abort.signal.aborted) return;
            if ('message' in outcome) return setError(outcome);
            if (outcome.state === 'failed')
              return setError({ status: 500, message: outcome.error ?? 'The run failed. Try again in a moment.' });
            patternsLab.finished();
          }
        } finally {
          // The store outlives the page (client navigation): never leave it busy.
          patternsLab.setBusy(false);
          if (!abort.signal.aborted) setBusy(false);
        }
      })();
    },
    [follow],
  );

  return { slots, params, busy, error, start };
}
