import type { ApiData } from './use-api-data';

/** The loading placeholder or the error line of a panel that loads its data; null once it is ready. */
export function PanelStatus({ state, what, heightClass = 'h-40' }: { state: ApiData<unknown>; what: string; heightClass?: string }) {
  if (state.status === 'loading') {
    return (
      <div role="status" className={`${heightClass} animate-pulse rounded-lg bg-slate-100 dark:bg-slate-900`}>
        <span className="sr-only">Loading your {what}…</span>
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <p role="alert" className="rounded-lg border border-amber-400 p-4 text-sm">
        Your {what} could not be loaded: {state.error}
      </p>
    );
  }
  return null;
}
