'use client';

import { useEffect, useId, useRef } from 'react';
import type { ConsoleEntry } from '@/lib/sandbox/api-client';
import { CopyButton } from '@/components/ui/CopyButton';
import { useHydrated } from '@/components/ui/use-hydrated';
import { ENGINE_PROMPTS } from '@/lib/sandbox/engine-commands';
import type { SandboxEngine } from '@/lib/sandbox/engines';

function formatMs(ms: number): string {
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

/** Commands offered in an empty console: a click puts one in the command line, to run or edit. */
export const EXAMPLE_COMMANDS: Record<SandboxEngine, readonly string[]> = {
  valkey: ['PING', 'SET greeting hello', 'GET greeting', 'INCR visits'],
  redis: ['PING', 'SET greeting hello', 'GET greeting', 'INCR visits'],
  memcached: ['set greeting 0 60 5 hello', 'get greeting', 'add visits 0 0 1 0', 'incr visits 1'],
};

/** How to type a command, under the engine's examples in an empty console. */
function InputHelp({ engine }: { engine: SandboxEngine }) {
  if (engine !== 'memcached')
    return (
      <p>
        Type a command and press Enter (Shift+Enter for another line). ↑ and ↓ walk through your history, Tab completes,
        Ctrl+L clears.
      </p>
    );
  return (
    <p>
      Memcached speaks its text protocol, as you would type it into <code>nc</code>: commands are lower-case. A storage
      command takes its data block on the next line (Shift+Enter), or on the same line after the header:{' '}
      <code>set greeting 0 60 5 hello</code> (the one-line form is all you need on a phone). <code>help</code> lists the
      commands. ↑ and ↓ walk through your history, Tab completes.
    </p>
  );
}

/**
 * The console's transcript: commands and replies, each with its time, the server that answered
 * when there are several (the cluster lab), and a Copy button. It is a
 * log but not a live one (aria-live="off"): SandboxProvider announces every reply once, whether it
 * was typed here or sent by a <Run> block. Empty, it offers example commands to start from.
 * `label` names the log when a page has more than one (a challenge's own console); `compact` drops
 * the tall minimum height and the empty-state help, for a console of a few lines.
 */
export function ConsoleOutput({
  entries,
  busy,
  label = 'Sandbox output',
  compact = false,
  engine = 'valkey',
  onPickExample,
}: {
  entries: ConsoleEntry[];
  busy: boolean;
  label?: string;
  compact?: boolean;
  /** The engine whose transcript this is: its prompt, help and examples. */
  engine?: SandboxEngine;
  onPickExample?(command: string): void;
}) {
  const prompt = ENGINE_PROMPTS[engine];
  const hydrated = useHydrated();
  const outputRef = useRef<HTMLDivElement>(null);
  const examplesId = useId();

  useEffect(() => {
    const output = outputRef.current;
    if (output) output.scrollTop = output.scrollHeight;
  }, [entries.length]);

  return (
    <div
      ref={outputRef}
      role="log"
      aria-live="off"
      aria-label={label}
      className={`${compact ? 'max-h-48' : 'min-h-40'} flex-1 overflow-y-auto px-3 py-2 font-mono text-[13px] leading-5`}
    >
      {entries.length === 0 &&
        !compact &&
        (hydrated ? (
          <div className="text-slate-400">
            <InputHelp engine={engine} />
            {onPickExample && (
              <div className="mt-3">
                <p id={examplesId}>Or start from an example:</p>
                <ul aria-labelledby={examplesId} className="mt-1 flex flex-wrap gap-2">
                  {EXAMPLE_COMMANDS[engine].map((command) => (
                    <li key={command}>
                      <button
                        type="button"
                        onClick={() => onPickExample(command)}
                        className="rounded border border-slate-700 px-2 py-0.5 text-slate-100 hover:bg-slate-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring"
                      >
                        {command}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        ) : (
          <p className="text-slate-400">Loading the console…</p>
        ))}
      <ol>
        {entries.map((entry) =>
          entry.live ? (
            // Received on the live stream, as valkey-cli prints it in subscribe mode: no prompt.
            <li key={entry.id} className="mb-2">
              <pre
                data-testid="live-reply"
                className={`whitespace-pre-wrap wrap-anywhere ${entry.ok ? 'text-sky-300' : 'text-amber-300'}`}
              >
                {entry.text}
              </pre>
            </li>
          ) : (
            <li key={entry.id} className="group mb-2">
              <div className="flex items-start gap-2">
                {/* A Memcached storage command shows its data block on the next line, as nc echoes it. */}
                <div className="min-w-0 flex-1 whitespace-pre-wrap text-slate-400 wrap-anywhere">
                  {prompt} <span className="text-slate-100">{entry.command}</span>
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
                  text={`${prompt} ${entry.command}\n${entry.text}`}
                  label={`Copy: ${entry.command.replaceAll('\n', ' ')}`}
                  className="shrink-0 leading-5"
                />
              </div>
              <pre
                data-testid="reply"
                className={`whitespace-pre-wrap wrap-anywhere ${entry.ok ? 'text-emerald-300' : 'text-rose-300'}`}
              >
                {entry.text}
              </pre>
            </li>
          ),
        )}
      </ol>
      {busy && (
        <p className="text-slate-400" aria-hidden="true">
          Running…
        </p>
      )}
    </div>
  );
}
