'use client';

import { useId, useState } from 'react';
import { sendCommand } from '@/lib/sandbox/api-client';
import { useSandbox } from '@/components/sandbox/SandboxProvider';
import { useHydrated } from '@/components/ui/use-hydrated';
import { Button } from '@/components/ui/Button';

/**
 * A command an author wants learners to try. Run sends it to the page's sandbox (so it also
 * appears in the console) and shows the reply right under the block; "Open in console" puts it in
 * the console's command line instead, to edit before running. Inside a SandboxProvider the reply
 * is announced once, by the provider, so the block's reply is not a live region of its own.
 */
export function Run({ command }: { command: string }) {
  const sandbox = useSandbox();
  const hydrated = useHydrated();
  const replyId = useId();
  const [state, setState] = useState<
    { status: 'idle' } | { status: 'running' } | { status: 'done'; ok: boolean; text: string }
  >({ status: 'idle' });

  const run = async () => {
    setState({ status: 'running' });
    const response = sandbox ? await sandbox.run(command) : await sendCommand(command);
    setState({ status: 'done', ok: response.ok, text: response.text });
  };

  return (
    <div
      role="group"
      aria-label={`Command: ${command}`}
      className="not-prose my-4 overflow-hidden rounded-md border border-line-strong"
    >
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-2 bg-surface-muted px-3 py-2">
        <code className="min-w-0 basis-40 grow font-mono text-sm wrap-anywhere">{command}</code>
        <div className="flex shrink-0 gap-2">
          {sandbox && (
            <Button
              size="xs"
              variant="secondary"
              onClick={() => sandbox.openConsole({ prefill: command })}
              disabled={!hydrated}
              aria-label={`Open in console: ${command}`}
            >
              Open in console
            </Button>
          )}
          <Button
            size="xs"
            onClick={run}
            disabled={!hydrated || state.status === 'running'}
            aria-label={`Run ${command}`}
            aria-controls={replyId}
          >
            {state.status === 'running' ? 'Running…' : 'Run'}
          </Button>
        </div>
      </div>
      <div id={replyId} aria-live={sandbox ? undefined : 'polite'}>
        {state.status === 'done' && (
          <pre
            data-testid="run-reply"
            className={`whitespace-pre-wrap wrap-break-word bg-slate-950 px-3 py-2 font-mono text-[13px] ${state.ok ? 'text-emerald-300' : 'text-rose-300'}`}
          >
            {state.text}
          </pre>
        )}
      </div>
    </div>
  );
}
