/** The loading placeholder or the error line of a panel that loads its data; null once it is ready. */
export function PanelStatus({
  state,
  what,
  heightClass = 'h-40',
  onRetry,
}: {
  state: { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready' };
  what: string;
  heightClass?: string;
  onRetry?: () => void;
}) {
  if (state.status === 'loading') {
    return (
      <div role="status" className={`${heightClass} animate-pulse rounded-lg bg-surface-muted`}>
        <span className="sr-only">Loading your {what}…</span>
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <p role="alert" className="rounded-lg border border-warning-line p-4 text-sm">
        Your {what} could not be loaded: {state.error}
        {onRetry && (
          <>
            {' '}
            <button type="button" className="underline" onClick={onRetry}>
              Try again
            </button>
          </>
        )}
      </p>
    );
  }
  return null;
}
