'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import {
  busyMessage,
  deleteLab,
  fetchTopology,
  startLab,
  type LabShape,
  type TopologyResult,
  type LabTopology,
} from '@/lib/labs/cluster/api-client';

export type LabState =
  | { status: 'loading' }
  | { status: 'none'; notice?: string }
  | { status: 'starting'; shape: LabShape; since: number }
  | { status: 'running'; topology: LabTopology; stale?: string }
  | { status: 'error'; message: string };

/** "15 minutes", from the lab's idle limit. */
export function idleMinutes(seconds: number): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** About once a second, as the issue asks; the server reads every node on each call. */
const POLL_MS = 1000;

/**
 * The learner's lab and its live topology: loads it, starts and deletes it, and polls
 * GET /api/labs/cluster once a second while the tab is visible (never while hidden, never two
 * requests at once). `refresh` asks at once, after an operation.
 */
export function useClusterLab() {
  const [state, setState] = useState<LabState>({ status: 'loading' });
  const inFlight = useRef<AbortController | null>(null);
  // A start under way owns the state until it answers: a poll landing meanwhile must not undo it.
  const starting = useRef(false);

  const apply = useCallback((result: TopologyResult) => {
    if (starting.current) return;
    if (result.kind === 'topology') setState({ status: 'running', topology: result.topology });
    else if (result.kind === 'none')
      setState((current) =>
        current.status === 'none'
          ? current
          : current.status === 'running'
            ? {
                status: 'none',
                notice: `Your lab was stopped after ${idleMinutes(current.topology.idleLimitSeconds)} without a command or an operation, and deleted. Start a new one whenever you like.`,
              }
            : { status: 'none' },
      );
    else
      setState((current) =>
        current.status === 'running'
          ? { ...current, stale: result.message }
          : { status: 'error', message: result.message },
      );
  }, []);

  const refresh = useCallback(async () => {
    if (inFlight.current) return;
    const controller = new AbortController();
    inFlight.current = controller;
    try {
      apply(await fetchTopology(controller.signal));
    } catch {
      // Aborted: the tab was hidden.
    } finally {
      if (inFlight.current === controller) inFlight.current = null;
    }
  }, [apply]);

  const running = state.status === 'running';
  useEffect(() => {
    let current = true;
    void fetchTopology().then((result) => {
      if (current) apply(result);
    });
    return () => {
      current = false;
    };
  }, [apply]);

  useEffect(() => {
    if (!running) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      if (document.visibilityState !== 'visible') return;
      timer = setTimeout(async () => {
        await refresh();
        schedule();
      }, POLL_MS);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') {
        void refresh();
        schedule();
      } else {
        clearTimeout(timer);
        inFlight.current?.abort();
      }
    };
    schedule();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [running, refresh]);

  const start = useCallback(async (shape: LabShape) => {
    starting.current = true;
    setState({ status: 'starting', shape, since: Date.now() });
    const result = await startLab(shape);
    starting.current = false;
    if (result.kind === 'started') setState({ status: 'running', topology: result.topology });
    else if (result.kind === 'busy') setState({ status: 'none', notice: busyMessage(result.retryAfterSeconds) });
    else setState({ status: 'none', notice: `Your lab could not start: ${result.message}` });
  }, []);

  const remove = useCallback(async (): Promise<string | null> => {
    const result = await deleteLab();
    if (!result.ok) return result.error;
    setState({ status: 'none', notice: 'Your lab was stopped and deleted.' });
    return null;
  }, []);

  const showTopology = useCallback((topology: LabTopology) => setState({ status: 'running', topology }), []);

  return { state, start, remove, refresh, showTopology };
}
