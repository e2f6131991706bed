'use client';

import { useEffect, useSyncExternalStore } from 'react';
import type { MonacoCommandEditor } from './MonacoCommandEditor';

/**
 * Where the console keeps its plain input and never loads Monaco (~850 KB, 12 s on a throttled
 * phone): touch screens, whose soft keyboards and cramped popups gain nothing from it, and
 * narrow windows (below Tailwind's md breakpoint).
 */
export const PLAIN_EDITOR_QUERY = '(pointer: coarse), (max-width: 767.98px)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(PLAIN_EDITOR_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/**
 * True where Monaco is worth loading. False in the server HTML and during hydration, so nothing
 * starts loading before the page is interactive.
 */
export function useMonacoWanted(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => !window.matchMedia(PLAIN_EDITOR_QUERY).matches,
    () => false,
  );
}

export type EditorComponent = typeof MonacoCommandEditor;

let editorModule: Promise<EditorComponent> | null = null;

/** Downloads and evaluates the Monaco editor's module once per page; every console shares it. */
export function loadMonacoEditor(): Promise<EditorComponent> {
  editorModule ??= import('./MonacoCommandEditor').then(
    (module) => module.MonacoCommandEditor,
    (error: unknown) => {
      editorModule = null; // a dropped connection should not rule Monaco out for the whole visit
      throw error;
    },
  );
  return editorModule;
}

/**
 * Once the page is hydrated and the browser idle, fetches Monaco in the background, so that the
 * first focus of a console only has to mount it. Browsers without requestIdleCallback (Safari)
 * wait a couple of seconds instead.
 */
export function usePreloadMonaco(wanted: boolean): void {
  useEffect(() => {
    if (!wanted) return;
    const preload = () =>
      void loadMonacoEditor().catch((error: unknown) =>
        console.warn('[console] Preloading the editor failed; the plain input stays until the next focus.', error),
      );
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(preload, { timeout: 5_000 });
      return () => window.cancelIdleCallback(handle);
    }
    const timer = window.setTimeout(preload, 2_000);
    return () => window.clearTimeout(timer);
  }, [wanted]);
}
