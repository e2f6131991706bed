'use client';

import { useEffect, useState, type ComponentType } from 'react';
import { useMonacoWanted } from '@/components/sandbox/use-monaco-preload';
import type { TraceEntry } from './patterns-api';

type SourceEditor = ComponentType<{ source: string; height: number }>;

const HEIGHT = 320;
let editorModule: Promise<SourceEditor> | null = null;

/** Downloads the read-only editor once per page. */
function loadSourceEditor(): Promise<SourceEditor> {
  editorModule ??= import('./MonacoSourceView').then(
    (module) => module.MonacoSourceView,
    (error: unknown) => {
      editorModule = null;
      throw error;
    },
  );
  return editorModule;
}

/**
 * The pattern's code beside the cache commands it just sent. The code is a plain <pre> first, at
 * Monaco's size so nothing jumps; on wide pointer screens Monaco replaces it once loaded (phones
 * keep the <pre>: use-monaco-preload.ts says why).
 */
export function SourceView({
  title,
  source,
  trace,
}: {
  title: string;
  /** undefined while it loads, null when it could not be read. */
  source: string | null | undefined;
  trace: TraceEntry[];
}) {
  const monacoWanted = useMonacoWanted();
  const [Editor, setEditor] = useState<SourceEditor | null>(null);
  useEffect(() => {
    if (!monacoWanted || !source) return;
    let cancelled = false;
    loadSourceEditor().then(
      (component) => {
        if (!cancelled) setEditor(() => component);
      },
      (error: unknown) => console.warn('[patterns lab] The code editor did not load; the plain view stays.', error),
    );
    return () => {
      cancelled = true;
    };
  }, [monacoWanted, source]);

  return (
    <div className="grid min-w-0 gap-3 lg:grid-cols-[3fr_2fr]">
      <section aria-label={`${title}: source`} className="min-w-0">
        <h3 className="text-sm font-semibold">{title}: the code</h3>
        <div
          className="mt-1 overflow-hidden rounded-md border border-line"
          style={{ minHeight: source ? HEIGHT : undefined }}
        >
          {source === undefined ? (
            <div role="status" className="h-80 animate-pulse bg-surface-muted">
              <span className="sr-only">Loading the pattern&apos;s code…</span>
            </div>
          ) : source === null ? (
            <p className="p-3 text-sm text-muted">
              This pattern&apos;s code could not be loaded. Reload the page to try again.
            </p>
          ) : Editor ? (
            <Editor source={source} height={HEIGHT} />
          ) : (
            <pre
              tabIndex={0}
              aria-label={`${title} source`}
              className="m-0 overflow-auto bg-slate-950 p-3 font-mono text-xs text-slate-100"
              style={{ maxHeight: HEIGHT }}
            >
              {source}
            </pre>
          )}
        </div>
      </section>
      <section aria-label="Cache commands, newest first" className="min-w-0">
        <h3 className="text-sm font-semibold">Cache commands it sent</h3>
        {trace.length === 0 ? (
          <p className="mt-1 text-sm text-muted">Run a workload to see the commands this pattern sends.</p>
        ) : (
          <ol
            tabIndex={0}
            aria-label="Cache commands, newest first"
            className="mt-1 max-h-80 overflow-auto rounded-md border border-line bg-slate-950 p-2 font-mono text-xs text-slate-100"
          >
            {[...trace].reverse().map((entry, index) => (
              <li key={`${entry.t}-${index}`} className="truncate">
                <span className="text-slate-400">{(entry.t / 1000).toFixed(2)} s</span> {entry.command}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
