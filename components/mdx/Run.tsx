'use client';

import { useId, useState } from 'react';
import { sendCommand } from '@/lib/sandbox/api-client';
import { DEFAULT_ENGINE, ENGINE_LABELS, isSandboxEngine, type SandboxEngine } from '@/lib/sandbox/engines';
import { useSandbox } from '@/components/sandbox/SandboxProvider';
import { useHydrated } from '@/components/ui/use-hydrated';
import { Button } from '@/components/ui/Button';

/**
 * A command an author wants learners to try, on Valkey unless `engine` names another ("redis",
 * "memcached"; a Memcached storage command is written in its one-line form, data after the
 * header). Run sends it to the page's sandbox on that engine (the console switches to it, so the
 * command also appears in that engine's transcript) and shows the reply right under the block;
 * "Open in console" puts it in the console's command line instead, to edit before running.
 * Inside a SandboxProvider the reply is announced once, by the provider, so the block's reply is
 * not a live region of its own.
 */
export function Run({ command, engine: requested }: { command: string; engine?: string }) {
  const sandbox = useSandbox();
  const hydrated = useHydrated();
  const replyId = useId();
  // The content checker rejects any other value; a typo still runs somewhere sensible.
  const engine: SandboxEngine = isSandboxEngine(requested) ? requested : DEFAULT_ENGINE;
  const onOther = engine === DEFAULT_ENGINE ? '' : ` on ${ENGINE_LABELS[engine].name}`;
  const [state, setState] = useState<
    { status: 'idle' } | { status: 'running' } | { status: 'done'; ok: boolean; text: string }
  >({ status: 'idle' });

  const run = async () => {
    setState({ status: 'running' });
    const response = sandbox ? await sandbox.run(command, engine) : await sendCommand(command, { engine });
    setState({ status: 'done', ok: response.ok, text: response.text });
  };

  const openInConsole = () => {
    sandbox?.openConsole({ prefill: command, engine });
  };

  return (
    <div
      role="group"
      aria-label={`Command${onOther}: ${command}`}
      className="not-prose my-4 overflow-hidden rounded-md border border-line-strong"
    >
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-2 bg-surface-muted px-3 py-2">
        <code className="min-w-0 basis-40 grow font-mono text-sm wrap-anywhere">
          {engine !== DEFAULT_ENGINE && (
            <span className="mr-2 rounded border border-line-strong px-1 py-0.5 font-sans text-xs font-semibold">
              {ENGINE_LABELS[engine].name}
            </span>
          )}
          {command}
        </code>
        <div className="flex shrink-0 gap-2">
          {sandbox && (
            <Button
              size="xs"
              variant="secondary"
              onClick={openInConsole}
              disabled={!hydrated}
              aria-label={`Open in console${onOther}: ${command}`}
            >
              Open in console
            </Button>
          )}
          <Button
            size="xs"
            onClick={run}
            disabled={!hydrated || state.status === 'running'}
            aria-label={`Run${onOther}: ${command}`.replace(/^Run: /, 'Run ')}
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
            className={`whitespace-pre-wrap wrap-anywhere bg-slate-950 px-3 py-2 font-mono text-[13px] ${state.ok ? 'text-emerald-300' : 'text-rose-300'}`}
          >
            {state.text}
          </pre>
        )}
      </div>
    </div>
  );
}
