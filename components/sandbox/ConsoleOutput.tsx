'use client';

import { useEffect, useRef } from 'react';
import type { ConsoleEntry } from '@/lib/sandbox/api-client';
import { CopyButton } from '@/components/ui/CopyButton';
import { useHydrated } from '@/components/ui/use-hydrated';
import { PROMPT } from './CommandBar';

function formatMs(ms: number): string {
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

/**
 * The console's transcript: a live log of commands and replies, each with its time, the server
 * that answered when there are several (the cluster lab), and a Copy button.
 */
export function ConsoleOutput({
  entries,
  busy,
  label = 'Sandbox output',
}: {
  entries: ConsoleEntry[];
  busy: boolean;
  label?: string;
}) {
  const hydrated = useHydrated();
  const outputRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const output = outputRef.current;
    if (output) output.scrollTop = output.scrollHeight;
  }, [entries.length]);

  return (
    <div
      ref={outputRef}
      role="log"
      aria-live="polite"
      aria-label={label}
      className="min-h-40 flex-1 overflow-y-auto px-3 py-2 font-mono text-[13px] leading-5"
    >
      {entries.length === 0 && (
        <p className="text-slate-400">
          {hydrated
            ? 'Type a command such as PING and press Enter (Shift+Enter for another line). ↑ and ↓ walk through your history, Tab completes, Ctrl+L clears.'
            : 'Loading the console…'}
        </p>
      )}
      <ol>
        {entries.map((entry) => (
          <li key={entry.id} className="group mb-2">
            <div className="flex items-start gap-2">
              <div className="min-w-0 flex-1 text-slate-400 wrap-anywhere">
                {PROMPT} <span className="text-slate-100">{entry.command}</span>
              </div>
              {entry.source && (
                <span className="shrink-0 text-xs leading-5 text-slate-400" data-testid="answered-by">
                  from {entry.source}
                </span>
              )}
              {entry.ms !== undefined && (
                <span className="shrink-0 text-xs leading-5 text-slate-400">{formatMs(entry.ms)}</span>
              )}
              <CopyButton
                text={`${PROMPT} ${entry.command}\n${entry.text}`}
                label={`Copy: ${entry.command}`}
                className="shrink-0 leading-5"
              />
            </div>
            <pre
              data-testid="reply"
              className={`whitespace-pre-wrap break-all ${entry.ok ? 'text-emerald-300' : 'text-rose-300'}`}
            >
              {entry.text}
            </pre>
          </li>
        ))}
      </ol>
      {busy && (
        <p className="text-slate-400" role="status">
          Running…
        </p>
      )}
    </div>
  );
}
