'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { browseHistory, emptyHistory, recordCommand } from '@/lib/sandbox/history';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useSandbox } from './SandboxProvider';

const PROMPT = 'valkey>';

/** The console: output as valkey-cli prints it, one input line, ↑/↓ history. */
export function Repl({ heading = 'Sandbox', className = '' }: { heading?: string; className?: string }) {
  const sandbox = useSandbox();
  const [line, setLine] = useState('');
  const history = useRef(emptyHistory());
  const outputRef = useRef<HTMLDivElement>(null);
  const hydrated = useHydrated();
  const inputId = useId();
  const headingId = useId();
  const entries = sandbox?.entries ?? [];

  useEffect(() => {
    const output = outputRef.current;
    if (output) output.scrollTop = output.scrollHeight;
  }, [entries.length]);

  if (!sandbox) throw new Error('<Repl> must be inside <SandboxProvider>.');

  const submit = () => {
    if (line.trim() === '') return;
    history.current = recordCommand(history.current, line);
    void sandbox.run(line);
    setLine('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    const moved = browseHistory(history.current, event.key === 'ArrowUp' ? 'older' : 'newer', line);
    history.current = moved.state;
    setLine(moved.line);
  };

  return (
    <section aria-labelledby={headingId} className={`flex flex-col rounded-lg border border-slate-300 bg-slate-950 text-slate-100 dark:border-slate-700 ${className}`}>
      <header className="flex items-center justify-between border-b border-slate-800 px-3 py-2">
        <h2 id={headingId} className="text-sm font-semibold">
          {heading} <span className="font-normal text-slate-400">· real Valkey, your own keys</span>
        </h2>
        <button type="button" onClick={sandbox.clear} className="rounded px-2 py-1 text-xs text-slate-300 hover:bg-slate-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-400">
          Clear
        </button>
      </header>
      <div ref={outputRef} role="log" aria-live="polite" aria-label="Sandbox output" className="min-h-40 flex-1 overflow-y-auto px-3 py-2 font-mono text-[13px] leading-5">
        {entries.length === 0 && (
          <p className="text-slate-400">{hydrated ? 'Type a command such as PING and press Enter. ↑ and ↓ walk through your history.' : 'Loading the console…'}</p>
        )}
        <ol>
        {entries.map((entry) => (
          <li key={entry.id} className="mb-2">
            <div className="text-slate-400">
              {PROMPT} <span className="text-slate-100">{entry.command}</span>
            </div>
            <pre data-testid="reply" className={`whitespace-pre-wrap break-all ${entry.ok ? 'text-emerald-300' : 'text-rose-300'}`}>
              {entry.text}
            </pre>
          </li>
        ))}
        </ol>
        {sandbox.busy && (
          <p className="text-slate-400" role="status">
            Running…
          </p>
        )}
      </div>
      <form
        className="flex items-center gap-2 border-t border-slate-800 px-3 py-2"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label htmlFor={inputId} className="font-mono text-[13px] text-slate-400">
          {PROMPT}
          <span className="sr-only"> Command</span>
        </label>
        <input
          id={inputId}
          value={line}
          onChange={(event) => setLine(event.target.value)}
          onKeyDown={onKeyDown}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="send"
          maxLength={16384}
          disabled={!hydrated}
          className="min-w-0 flex-1 bg-transparent font-mono text-[13px] text-slate-100 outline-none placeholder:text-slate-500"
          placeholder="SET greeting hello"
        />
        <button type="submit" disabled={!hydrated} className="rounded bg-sky-700 disabled:opacity-60 px-3 py-1 text-xs font-medium text-white hover:bg-sky-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-300">
          Run
        </button>
      </form>
    </section>
  );
}
