'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { patternsLab } from './patterns-lab-store';
import type { PatternsAnswer } from './patterns-api';
import type { RunError } from './use-workload-runs';

/** How many results stay on screen: enough to compare every strategy or policy twice. */
const KEPT = 12;

export interface ExperimentSeries<Request, Result> {
  results: Result[];
  /** The request being run now, null when idle. */
  running: Request | null;
  /** When the current request started (ms), for an elapsed-time display. */
  since: number | null;
  error: RunError | null;
  /** Runs each request in turn (the server runs one experiment per learner at a time), keeping every result. */
  run(requests: Request[]): void;
}

/** Stampede and eviction experiments: short, synchronous calls (≤ 10 s each), run one after the other. */
export function useExperimentSeries<Request, Result>(
  call: (request: Request) => Promise<PatternsAnswer<Result>>,
): ExperimentSeries<Request, Result> {
  const [results, setResults] = useState<Result[]>([]);
  const [running, setRunning] = useState<Request | null>(null);
  const [since, setSince] = useState<number | null>(null);
  const [error, setError] = useState<RunError | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    (requests: Request[]) => {
      setError(null);
      patternsLab.setBusy(true);
      void (async () => {
        try {
          for (const request of requests) {
            setRunning(request);
            setSince(Date.now());
            const answer = await call(request);
            if (!mounted.current) return;
            if (!answer.ok) return setError({ status: answer.status, message: answer.error });
            setResults((current) => [...current, answer.value].slice(-KEPT));
            patternsLab.finished();
          }
        } finally {
          if (mounted.current) {
            setRunning(null);
            setSince(null);
          }
          patternsLab.setBusy(false);
        }
      })();
    },
    [call],
  );

  return { results, running, since, error, run };
}
