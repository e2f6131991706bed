'use client';

import { useId, useImperativeHandle, useRef, type ReactNode, type Ref } from 'react';
import { CommandBar, type CommandBarHandle } from './CommandBar';
import { ConsoleOutput } from './ConsoleOutput';
import { SubscribeModeBar } from './SubscribeModeBar';
import { useSandbox } from './SandboxProvider';

/** The console: output as valkey-cli prints it, and the command line (Monaco once focused). */
export function Repl({
  heading = 'Sandbox',
  hint,
  className = '',
  ref,
}: {
  heading?: string;
  /** A short note in the header, such as the keyboard shortcut that reaches this console. */
  hint?: ReactNode;
  className?: string;
  /** The command line, for the page to fill and focus (openConsole). */
  ref?: Ref<CommandBarHandle>;
}) {
  const sandbox = useSandbox();
  const headingId = useId();
  const commandLine = useRef<CommandBarHandle>(null);
  useImperativeHandle(ref, () => ({
    setValue: (text) => commandLine.current?.setValue(text),
    focus: () => commandLine.current?.focus(),
  }));
  if (!sandbox) throw new Error('<Repl> must be inside <SandboxProvider>.');

  const prefill = (command: string) => {
    commandLine.current?.setValue(command);
    commandLine.current?.focus();
  };

  return (
    <section
      aria-labelledby={headingId}
      className={`flex flex-col rounded-lg border border-line-strong bg-slate-950 text-slate-100 ${className}`}
    >
      <header className="flex items-center justify-between gap-2 border-b border-slate-800 px-3 py-2">
        <h2 id={headingId} className="text-sm font-semibold">
          {heading} <span className="font-normal text-slate-400">· real Valkey, your own keys</span>
        </h2>
        <div className="flex shrink-0 items-center gap-2">
          {hint}
          <button
            type="button"
            onClick={sandbox.clear}
            className="rounded px-2 py-1 text-xs text-slate-300 hover:bg-slate-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring"
          >
            Clear
          </button>
        </div>
      </header>
      <ConsoleOutput entries={sandbox.entries} busy={sandbox.busy} onPickExample={prefill} />
      {sandbox.subscribeMode && <SubscribeModeBar onStop={() => void sandbox.stopListening()} />}
      <CommandBar
        ref={commandLine}
        onRun={(command) => void sandbox.run(command)}
        onClearOutput={sandbox.clear}
        onInterrupt={sandbox.subscribeMode ? () => void sandbox.stopListening() : undefined}
      />
    </section>
  );
}
