'use client';

import { useId } from 'react';
import { CommandBar } from './CommandBar';
import { ConsoleOutput } from './ConsoleOutput';
import { useSandbox } from './SandboxProvider';

/** The console: output as valkey-cli prints it, and the command line (Monaco once focused). */
export function Repl({ heading = 'Sandbox', className = '' }: { heading?: string; className?: string }) {
  const sandbox = useSandbox();
  const headingId = useId();
  if (!sandbox) throw new Error('<Repl> must be inside <SandboxProvider>.');

  return (
    <section
      aria-labelledby={headingId}
      className={`flex flex-col rounded-lg border border-line-strong bg-slate-950 text-slate-100 ${className}`}
    >
      <header className="flex items-center justify-between border-b border-slate-800 px-3 py-2">
        <h2 id={headingId} className="text-sm font-semibold">
          {heading} <span className="font-normal text-slate-400">· real Valkey, your own keys</span>
        </h2>
        <button
          type="button"
          onClick={sandbox.clear}
          className="rounded px-2 py-1 text-xs text-slate-300 hover:bg-slate-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring"
        >
          Clear
        </button>
      </header>
      <ConsoleOutput entries={sandbox.entries} busy={sandbox.busy} />
      <CommandBar onRun={(command) => void sandbox.run(command)} onClearOutput={sandbox.clear} />
    </section>
  );
}
