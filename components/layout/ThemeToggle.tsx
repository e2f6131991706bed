'use client';

import { useTheme } from 'next-themes';
import { useHydrated } from '@/components/ui/use-hydrated';

/**
 * A toggle button for dark mode: a fixed name with a pressed state, which is how screen readers
 * expect toggles. Until the user presses it, the system preference applies.
 */
export function ThemeToggle() {
  const { resolvedTheme, setTheme } = useTheme();
  // The theme is only known in the browser; the server renders a same-size, disabled placeholder.
  const hydrated = useHydrated();
  const isDark = hydrated && resolvedTheme === 'dark';
  return (
    <button
      type="button"
      onClick={() => setTheme(isDark ? 'light' : 'dark')}
      aria-label="Dark theme"
      aria-pressed={isDark}
      disabled={!hydrated}
      title={isDark ? 'Switch to the light theme' : 'Switch to the dark theme'}
      className="flex h-9 w-8 items-center sm:w-9 justify-center rounded-md text-slate-600 hover:bg-surface-hover focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring dark:text-slate-300"
    >
      <span aria-hidden="true" className="text-lg leading-none">
        {hydrated ? (isDark ? '☀' : '☾') : '◐'}
      </span>
    </button>
  );
}
