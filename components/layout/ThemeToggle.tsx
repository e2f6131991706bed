'use client';

import { useTheme } from 'next-themes';
import { useSyncExternalStore } from 'react';

const subscribeNever = () => () => {};

/** Switches between light and dark; until the user picks, the system preference applies. */
export function ThemeToggle() {
  const { resolvedTheme, setTheme } = useTheme();
  // The theme is only known in the browser; render a same-size placeholder on the server.
  const mounted = useSyncExternalStore(subscribeNever, () => true, () => false);
  const isDark = mounted && resolvedTheme === 'dark';
  return (
    <button
      type="button"
      onClick={() => setTheme(isDark ? 'light' : 'dark')}
      aria-label={mounted ? `Switch to ${isDark ? 'light' : 'dark'} theme` : 'Switch theme'}
      aria-pressed={mounted ? isDark : undefined}
      className="flex h-9 w-9 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      <span aria-hidden="true" className="text-lg leading-none">
        {mounted ? (isDark ? '☀' : '☾') : '◐'}
      </span>
    </button>
  );
}
