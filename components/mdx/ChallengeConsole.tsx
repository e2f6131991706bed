'use client';

import { useCallback, useRef, useState } from 'react';
import { CommandBar } from '@/components/sandbox/CommandBar';
import { ConsoleOutput } from '@/components/sandbox/ConsoleOutput';
import { useSandbox } from '@/components/sandbox/SandboxProvider';
import { sendCommand, type ConsoleEntry } from '@/lib/sandbox/api-client';
import { DEFAULT_ENGINE, type SandboxEngine } from '@/lib/sandbox/engines';

/** How many of the commands typed here stay shown: the page's console keeps the whole history. */
const SHOWN_ENTRIES = 4;

export interface ChallengeConsoleState {
  entries: ConsoleEntry[];
  busy: boolean;
  /** Runs a line as if typed here: it shows here and in the page's console. */
  run(command: string): Promise<void>;
  clear(): void;
  /** The engine the challenge runs on: its commands go there, and the page's console follows. */
  engine: SandboxEngine;
}

/**
 * The runner behind a challenge's own command line: commands go through the page's shared console
 * (so they show there too, run in order with the rest, and trigger the automatic checks), and the
 * last few typed here are kept for this challenge's compact transcript.
 */
export function useChallengeConsole(engine: SandboxEngine = DEFAULT_ENGINE): ChallengeConsoleState {
  const sandbox = useSandbox();
  const [entries, setEntries] = useState<ConsoleEntry[]>([]);
  const [pending, setPending] = useState(0);
  const nextId = useRef(1);

  const run = useCallback(
    async (command: string) => {
      setPending((count) => count + 1);
      const response = sandbox ? await sandbox.run(command, engine) : await sendCommand(command, { engine });
      const entry: ConsoleEntry = { id: nextId.current++, command, ...response };
      setEntries((current) => [...current, entry].slice(-SHOWN_ENTRIES));
      setPending((count) => count - 1);
    },
    [sandbox, engine],
  );
  const clear = useCallback(() => setEntries([]), []);
  return { entries, busy: pending > 0, run, clear, engine };
}

/** A challenge's compact console: its last few replies above a command line. */
export function ChallengeConsole({ title, shell }: { title: string; shell: ChallengeConsoleState }) {
  return (
    <div className="mt-3 overflow-hidden rounded-md bg-slate-950 text-slate-100">
      <ConsoleOutput
        entries={shell.entries}
        busy={shell.busy}
        engine={shell.engine}
        label={`Console output: ${title}`}
        compact
      />
      <CommandBar
        onRun={(command) => void shell.run(command)}
        onClearOutput={shell.clear}
        engine={shell.engine}
        light
      />
    </div>
  );
}
