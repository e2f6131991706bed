'use client';

import type { ReactNode, Ref } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';
import { ENGINE_PROMPTS } from '@/lib/sandbox/engine-commands';
import { ENGINE_LABELS } from '@/lib/sandbox/engines';
import { useSandbox } from './SandboxProvider';

/** The first line of a reply, for a one-line summary. */
function firstLine(text: string): string {
  const [line = '', ...rest] = text.split('\n');
  return rest.length > 0 ? `${line} …` : line;
}

/**
 * The bar of the docked console (below `xl` only): a disclosure button that opens and folds the
 * console, and, folded, shows the last command and the start of its reply.
 */
export function ConsoleDockBar({
  open,
  controls,
  hint,
  onOpen,
  onClose,
  ref,
}: {
  open: boolean;
  /** The id of the console the button shows and hides. */
  controls: string;
  hint?: ReactNode;
  onOpen(): void;
  onClose(): void;
  ref?: Ref<HTMLButtonElement>;
}) {
  const sandbox = useSandbox();
  const hydrated = useHydrated();
  const last = sandbox?.entries.at(-1);

  return (
    <div className="flex items-center gap-3 bg-slate-900 px-3 py-1.5 text-slate-100 xl:hidden">
      <button
        ref={ref}
        type="button"
        aria-expanded={open}
        aria-controls={controls}
        disabled={!hydrated}
        onClick={open ? onClose : onOpen}
        className="flex min-h-9 min-w-0 flex-1 items-center gap-2 rounded text-left text-sm focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring"
      >
        <span aria-hidden="true" className="text-xs text-slate-400">
          {open ? '▼' : '▲'}
        </span>
        <span className="font-semibold">Console</span>
        {sandbox && sandbox.engine !== 'valkey' && (
          <span className="shrink-0 text-xs text-slate-300">· {ENGINE_LABELS[sandbox.engine].name}</span>
        )}
        {!open && last && (
          <span data-testid="dock-last-reply" className="min-w-0 truncate font-mono text-xs">
            <span className="sr-only">, last reply: </span>
            <span className="text-slate-400">
              {ENGINE_PROMPTS[sandbox?.engine ?? 'valkey']} {last.command.replaceAll('\n', ' ')}
            </span>{' '}
            <span className={last.ok ? 'text-emerald-300' : 'text-rose-300'}>{firstLine(last.text)}</span>
          </span>
        )}
      </button>
      {hint}
    </div>
  );
}
