'use client';

import { useEffect, useRef, useSyncExternalStore } from 'react';
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

/** Runs `task` when the browser is idle (after at most `timeout` ms); returns a cancel function. */
export function whenIdle(task: () => void, timeout: number): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task, { timeout });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = window.setTimeout(task, Math.min(timeout, 2_000));
  return () => window.clearTimeout(timer);
}

/**
 * Once the page is hydrated and the browser idle, fetches Monaco in the background and then calls
 * `onLoaded` (the console mounts it then, so that its first focus is instant). Browsers without
 * requestIdleCallback (Safari) wait a couple of seconds instead.
 */
export function usePreloadMonaco(wanted: boolean, onLoaded: () => void): void {
  const latest = useRef(onLoaded);
  useEffect(() => {
    latest.current = onLoaded;
  });
  useEffect(() => {
    if (!wanted) return;
    let cancelled = false;
    const preload = () =>
      loadMonacoEditor().then(
        () => {
          if (!cancelled) latest.current();
        },
        (error: unknown) =>
          console.warn('[console] Preloading the editor failed; the plain input stays until the next focus.', error),
      );
    const cancel = whenIdle(() => void preload(), 5_000);
    return () => {
      cancelled = true;
      cancel();
    };
  }, [wanted]);
}
