'use client';

import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { sendCommand, type ConsoleEntry, type ExecResponse } from '@/lib/sandbox/api-client';

interface SandboxContextValue {
  entries: ConsoleEntry[];
  busy: boolean;
  /** How many commands have been answered: grows by one per reply, so views can refresh after each. */
  completed: number;
  run(command: string): Promise<ExecResponse>;
  clear(): void;
}

const SandboxContext = createContext<SandboxContextValue | null>(null);

const MAX_ENTRIES = 300;

/** Shares one console between a page's REPL and its <Run> blocks; commands run one at a time. */
export function SandboxProvider({ children }: { children: ReactNode }) {
  const [entries, setEntries] = useState<ConsoleEntry[]>([]);
  const [pending, setPending] = useState(0);
  const [completed, setCompleted] = useState(0);
  const nextId = useRef(1);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const run = useCallback((command: string) => {
    setPending((count) => count + 1);
    // Keep replies in the order commands were typed, as a terminal does.
    const result = queue.current.then(() => sendCommand(command));
    queue.current = result;
    return result.then((response) => {
      const entry: ConsoleEntry = { id: nextId.current++, command, ...response };
      setEntries((current) => [...current, entry].slice(-MAX_ENTRIES));
      setPending((count) => count - 1);
      setCompleted((count) => count + 1);
      return response;
    });
  }, []);

  const clear = useCallback(() => setEntries([]), []);
  const value = useMemo(
    () => ({ entries, busy: pending > 0, completed, run, clear }),
    [entries, pending, completed, run, clear],
  );
  return <SandboxContext.Provider value={value}>{children}</SandboxContext.Provider>;
}

export function useSandbox(): SandboxContextValue | null {
  return useContext(SandboxContext);
}
