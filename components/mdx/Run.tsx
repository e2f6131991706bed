'use client';

import { useState } from 'react';
import { sendCommand } from '@/lib/sandbox/api-client';
import { useSandbox } from '@/components/sandbox/SandboxProvider';

/**
 * A command an author wants learners to try. Clicking it runs the command in the page's sandbox
 * (so it also appears in the console) and shows the reply right under the block.
 */
export function Run({ command }: { command: string }) {
  const sandbox = useSandbox();
  const [state, setState] = useState<{ status: 'idle' } | { status: 'running' } | { status: 'done'; ok: boolean; text: string }>({ status: 'idle' });

  const run = async () => {
    setState({ status: 'running' });
    const response = sandbox ? await sandbox.run(command) : await sendCommand(command);
    setState({ status: 'done', ok: response.ok, text: response.text });
  };

  return (
    <div className="not-prose my-4 overflow-hidden rounded-md border border-slate-300 dark:border-slate-700">
      <div className="flex items-center justify-between gap-3 bg-slate-100 px-3 py-2 dark:bg-slate-900">
        <code className="min-w-0 break-all font-mono text-sm">{command}</code>
        <button
          type="button"
          onClick={run}
          disabled={state.status === 'running'}
          aria-label={`Run ${command}`}
          className="shrink-0 rounded bg-sky-700 px-3 py-1 text-xs font-medium text-white hover:bg-sky-600 disabled:opacity-60 dark:bg-sky-600"
        >
          {state.status === 'running' ? 'Running…' : 'Run'}
        </button>
      </div>
      <div aria-live="polite">
        {state.status === 'done' && (
          <pre data-testid="run-reply" className={`whitespace-pre-wrap break-all bg-slate-950 px-3 py-2 font-mono text-[13px] ${state.ok ? 'text-emerald-300' : 'text-rose-300'}`}>
            {state.text}
          </pre>
        )}
      </div>
    </div>
  );
}
