'use client';

import { useId, useImperativeHandle, useRef, type ReactNode, type Ref } from 'react';
import { ENGINE_LABELS } from '@/lib/sandbox/engines';
import { CommandBar, type CommandBarHandle } from './CommandBar';
import { ConsoleOutput } from './ConsoleOutput';
import { EngineSwitch } from './EngineSwitch';
import { SubscribeModeBar } from './SubscribeModeBar';
import { useSandbox } from './SandboxProvider';

/**
 * The console: the engine switch, output as the engine's CLI prints it (valkey-cli, redis-cli, or
 * Memcached's raw replies as nc shows them), and the command line (Monaco once focused).
 */
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
          {heading}{' '}
          <span className="font-normal text-slate-400">· real {ENGINE_LABELS[sandbox.engine].name}, your own keys</span>
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
      <EngineSwitch
        engine={sandbox.engine}
        onChange={sandbox.chooseEngine}
        className="border-b border-slate-800 px-3 py-1.5"
      />
      <ConsoleOutput entries={sandbox.entries} busy={sandbox.busy} engine={sandbox.engine} onPickExample={prefill} />
      {sandbox.subscribeMode && (
        <SubscribeModeBar engine={sandbox.engine} onStop={() => void sandbox.stopListening()} />
      )}
      <CommandBar
        ref={commandLine}
        engine={sandbox.engine}
        onRun={(command) => void sandbox.run(command)}
        onClearOutput={sandbox.clear}
        onInterrupt={sandbox.subscribeMode ? () => void sandbox.stopListening() : undefined}
      />
    </section>
  );
}
