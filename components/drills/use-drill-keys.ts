'use client';

import { useEffect } from 'react';

/**
 * Space reveals, 1–4 grade, U (or Ctrl+Z) undoes, anywhere on the page except where the key types
 * (fields) or activates (Space on a button or link).
 */
export function useDrillKeys({
  reveal,
  grade,
  undo,
}: {
  reveal: () => void;
  grade: (value: number) => Promise<void>;
  undo: () => Promise<void>;
}) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (
        target &&
        (target.closest('input, select, textarea, [contenteditable="true"]') ||
          (event.key === ' ' && target.closest('button, a')))
      )
        return;
      if (event.altKey || event.metaKey) return;
      if (event.key === ' ' && !event.ctrlKey) {
        event.preventDefault();
        reveal();
      } else if (/^[1-4]$/.test(event.key) && !event.ctrlKey) {
        event.preventDefault();
        void grade(Number(event.key));
      } else if (event.key.toLowerCase() === 'u' || (event.ctrlKey && event.key.toLowerCase() === 'z')) {
        event.preventDefault();
        void undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [reveal, grade, undo]);
}
