'use client';

import { useState } from 'react';
import { KeyBrowser } from './KeyBrowser';

/** The key browser folded away under "Your keys" (lesson pages); it fetches nothing until opened. */
export function KeyBrowserDisclosure({ className = '' }: { className?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details
      onToggle={(event) => setOpen(event.currentTarget.open)}
      className={`overflow-hidden rounded-lg border border-line-strong bg-white dark:bg-slate-900 ${className}`}
    >
      <summary className="cursor-pointer px-3 py-2 text-sm font-semibold focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring">
        Your keys
      </summary>
      {open && <KeyBrowser embedded className="max-h-72 border-t border-slate-200 dark:border-slate-700" />}
    </details>
  );
}
