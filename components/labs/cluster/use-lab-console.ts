'use client';

import { useCallback, useRef, useState } from 'react';
import { execInLab, type LabConsoleMode, type LabExecResponse } from '@/lib/labs/cluster/api-client';
import type { ConsoleEntry } from '@/lib/sandbox/api-client';
import { challengeRequestsSettled } from '@/lib/challenges/api-client';

const MAX_ENTRIES = 300;

/** The lab console's transcript: commands run one at a time, in the order typed, each entry naming the node that answered. */
export function useLabConsole() {
  const [entries, setEntries] = useState<ConsoleEntry[]>([]);
  const [pending, setPending] = useState(0);
  const nextId = useRef(1);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const run = useCallback((command: string, mode: LabConsoleMode, node?: string): Promise<LabExecResponse> => {
    setPending((count) => count + 1);
    // A lab challenge's checks run on the lab's console executor too, one command at a time per lab:
    // wait for the page's checks in flight, so that they never make the learner's command answer 429.
    const result = queue.current.then(async () => {
      await challengeRequestsSettled();
      return execInLab(command, mode, mode === 'node' ? node : undefined);
    });
    queue.current = result;
    return result.then((response) => {
      const entry: ConsoleEntry = {
        id: nextId.current++,
        command,
        ok: response.ok,
        text: response.text,
        ms: response.ms,
        source: response.node ?? undefined,
      };
      setEntries((current) => [...current, entry].slice(-MAX_ENTRIES));
      setPending((count) => count - 1);
      return response;
    });
  }, []);

  const clear = useCallback(() => setEntries([]), []);
  return { entries, busy: pending > 0, run, clear };
}
