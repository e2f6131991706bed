'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { resetKeys } from '@/lib/sandbox/api-client';
import { ENGINE_LABELS } from '@/lib/sandbox/engines';
import { useHydrated } from '@/components/ui/use-hydrated';
import { formatBytes, formatTtl } from './key-format';
import { useSandbox } from './SandboxProvider';
import { useLearnerKeys } from './use-learner-keys';

const BUTTON =
  'rounded px-2 py-1 text-xs font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring disabled:opacity-60';
const QUIET_BUTTON = `${BUTTON} text-slate-700 hover:bg-surface-hover dark:text-slate-200`;

/**
 * The learner's keys on the console's engine, with type, live TTL and size, refreshed after every
 * console command; and Reset, which deletes that engine's keys only.
 */
/** `embedded`: inside a disclosure whose summary already says "Your keys", so no heading of its own. */
export function KeyBrowser({ className = '', embedded = false }: { className?: string; embedded?: boolean }) {
  const sandbox = useSandbox();
  const hydrated = useHydrated();
  const headingId = useId();
  const engine = sandbox?.engine ?? 'valkey';
  const engineName = ENGINE_LABELS[engine].name;
  const { keys, truncated, loading, error, refresh } = useLearnerKeys(sandbox?.completed ?? 0, engine);
  const [confirming, setConfirming] = useState(false);
  const [resetState, setResetState] = useState<{ busy: boolean; message: string | null; failed: boolean }>({
    busy: false,
    message: null,
    failed: false,
  });
  const resetButton = useRef<HTMLButtonElement>(null);

  // When the confirmation closes, focus goes back to Reset rather than being lost with it.
  const [returnFocus, setReturnFocus] = useState(0);
  useEffect(() => {
    if (returnFocus > 0) resetButton.current?.focus();
  }, [returnFocus]);
  const closeConfirmation = () => {
    setConfirming(false);
    setReturnFocus((count) => count + 1);
  };

  const reset = async () => {
    setResetState({ busy: true, message: null, failed: false });
    const result = await resetKeys(engine);
    setResetState(
      result.ok
        ? {
            busy: false,
            message: `Deleted ${result.deleted} ${engineName} ${result.deleted === 1 ? 'key' : 'keys'}.`,
            failed: false,
          }
        : { busy: false, message: `Reset failed: ${result.error}`, failed: true },
    );
    closeConfirmation();
    refresh();
  };

  const status = error ? `Could not load your keys: ${error}` : resetState.message;

  return (
    <section
      aria-labelledby={embedded ? undefined : headingId}
      aria-label={embedded ? 'Your keys' : undefined}
      className={`flex min-h-0 flex-col bg-white dark:bg-slate-900 ${embedded ? '' : 'rounded-lg border border-line-strong'} ${className}`}
    >
      <header
        className={`flex items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-700 ${embedded ? 'justify-end' : 'justify-between'}`}
      >
        {!embedded && (
          <h2 id={headingId} className="text-sm font-semibold">
            Your keys
          </h2>
        )}
        <div className="flex gap-1">
          <button type="button" onClick={refresh} disabled={!hydrated} className={QUIET_BUTTON}>
            Refresh
          </button>
          <button
            ref={resetButton}
            type="button"
            onClick={() => setConfirming(true)}
            disabled={!hydrated || confirming || resetState.busy}
            aria-expanded={confirming}
            className={`${BUTTON} text-rose-700 hover:bg-rose-50 dark:text-rose-300 dark:hover:bg-rose-950`}
          >
            Reset
          </button>
        </div>
      </header>
      {confirming && (
        <div
          role="group"
          aria-label="Confirm reset"
          className="border-b border-slate-200 bg-rose-50 px-3 py-2 text-sm dark:border-slate-700 dark:bg-rose-950/40"
          onKeyDown={(event) => event.key === 'Escape' && closeConfirmation()}
        >
          <p className="text-slate-800 dark:text-slate-100">
            Delete {truncated || !keys ? 'all' : `all ${keys.length}`} of your {engineName} keys? Your keys on the other
            engines stay. This cannot be undone.
          </p>
          <div className="mt-2 flex gap-2">
            <button
              type="button"
              onClick={reset}
              disabled={resetState.busy}
              className={`${BUTTON} bg-rose-700 text-white hover:bg-rose-800`}
            >
              {resetState.busy ? 'Deleting…' : 'Delete all keys'}
            </button>
            {/* Focus lands on Cancel, so a second Enter does not delete by accident. */}
            <button type="button" autoFocus onClick={closeConfirmation} className={QUIET_BUTTON}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {/* Always present (empty when there is nothing to say), so screen readers hear each new message. */}
      <p
        role="status"
        className={`px-3 text-sm ${status ? 'pt-2' : ''} ${error || resetState.failed ? 'text-rose-700 dark:text-rose-300' : 'text-slate-700 dark:text-slate-300'}`}
      >
        {status}
      </p>
      <div className="min-h-0 flex-1 overflow-y-auto px-3 py-2" aria-busy={loading}>
        {keys === null ? (
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {error ? 'No key list to show.' : 'Loading your keys…'}
          </p>
        ) : keys.length === 0 ? (
          <p className="text-sm text-slate-700 dark:text-slate-300">
            No {engineName} keys yet. Try {engine === 'memcached' ? 'set greeting 0 60 5 hello' : 'SET greeting hello'}.
          </p>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Your keys, with type, time to live and approximate size</caption>
            <thead className="text-xs text-slate-700 dark:text-slate-300">
              <tr>
                <th scope="col" className="pb-1 font-semibold">
                  Key
                </th>
                <th scope="col" className="pb-1 font-semibold">
                  Type
                </th>
                <th scope="col" className="pb-1 font-semibold">
                  TTL
                </th>
                <th scope="col" className="pb-1 text-right font-semibold">
                  Size
                </th>
              </tr>
            </thead>
            <tbody className="font-mono text-[13px]">
              {keys.map((key) => (
                <tr key={key.name} className="border-t border-line align-top">
                  <th scope="row" className="break-all py-1 pr-2 font-normal">
                    {key.name}
                  </th>
                  <td className="whitespace-nowrap py-1 pr-2">{key.type}</td>
                  <td className="whitespace-nowrap py-1 pr-2 tabular-nums">{formatTtl(key.ttl)}</td>
                  <td className="whitespace-nowrap py-1 text-right tabular-nums">
                    {formatBytes(key.bytes) ?? (
                      <>
                        <span aria-hidden="true">—</span>
                        <span className="sr-only">unknown</span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {truncated && (
          <p className="mt-2 text-xs text-slate-700 dark:text-slate-300">Showing the first {keys?.length ?? 0} keys.</p>
        )}
      </div>
    </section>
  );
}
