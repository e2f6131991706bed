'use client';

import { useEffect, useLayoutEffect, type RefObject } from 'react';

/** Tailwind's `xl`: from here up the console is a side panel; below it, a sheet docked at the bottom. */
export const WIDE_CONSOLE_QUERY = '(min-width: 80rem)';

/** The key that brings the console from anywhere on the page, outside a text field. */
export const CONSOLE_SHORTCUT = '/';

const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'color', 'file', 'image', 'radio', 'range', 'reset', 'submit']);

/** True where a `/` typed by the learner is text (a field, Monaco), so it must not be taken over. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  return target.isContentEditable || target.closest('textarea, select, .monaco-editor') !== null;
}

/** `/` anywhere on the page but in a text field calls `open` (which focuses the console). */
export function useConsoleShortcut(open: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== CONSOLE_SHORTCUT || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.defaultPrevented || isTextEntry(event.target)) return;
      event.preventDefault();
      open();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);
}

/** Sets the page's room for the dock from its size now (see useDockInsets). */
export function applyDockInsets(dock: HTMLElement): void {
  const root = document.documentElement;
  const docked = getComputedStyle(dock).position === 'fixed';
  const height = docked ? `${dock.offsetHeight}px` : '';
  document.body.style.paddingBottom = height;
  root.style.scrollPaddingBottom = height;
  root.style.scrollPaddingTop = docked ? '4rem' : '';
}

/**
 * While the console is docked (position: fixed at the bottom), the page keeps room for it: the
 * body is padded by the dock's height, so the end of the page can scroll above it, and the
 * scroll padding makes focus and scrollIntoView keep elements clear of the dock and of the sticky
 * site header (WCAG 2.4.11, focus not obscured). Undone when the console is a side panel again.
 */
export function useDockInsets(dock: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const element = dock.current;
    if (!element) return;
    const root = document.documentElement;
    const apply = () => applyDockInsets(element);
    apply();
    const observer = new ResizeObserver(apply);
    observer.observe(element);
    return () => {
      observer.disconnect();
      document.body.style.paddingBottom = '';
      root.style.scrollPaddingBottom = '';
      root.style.scrollPaddingTop = '';
    };
  }, [dock]);
}

/**
 * Sticky panels (the side console, the lesson sidebar) cannot leave their grid: at the end of a
 * lesson, where the grid ends above the footer, the grid pushes them up under the sticky site
 * header. This sets `--sticky-end-overlap` on the grid to how far its end is above the bottom of
 * the window, and the panels shorten by that much, so they stay below the header.
 */
export function useStickyEndClearance(panel: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const grid = panel.current?.parentElement;
    if (!grid) return;
    let frame = 0;
    let current = '';
    const measure = () => {
      frame = 0;
      const paddingBottom = parseFloat(getComputedStyle(grid).paddingBottom) || 0;
      const end = grid.getBoundingClientRect().bottom - paddingBottom;
      const overlap = `${Math.max(0, Math.ceil(window.innerHeight - end))}px`;
      if (overlap !== current) grid.style.setProperty('--sticky-end-overlap', (current = overlap));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      grid.style.removeProperty('--sticky-end-overlap');
    };
  }, [panel]);
}
