'use client';

import { useEffect, useState } from 'react';

/** Puts text on the clipboard; falls back to a hidden textarea where the Clipboard API is missing (plain-HTTP LAN access). */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused: try the old way below.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  return copied;
}

/** A small "Copy" button; its label names what it copies, and it says "Copied" for a moment after. */
export function CopyButton({
  text,
  label,
  disabled = false,
  className = '',
}: {
  text: string;
  label: string;
  disabled?: boolean;
  className?: string;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1_500);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <button
      type="button"
      aria-label={state === 'idle' ? label : undefined}
      disabled={disabled}
      onClick={async () => setState((await copyText(text)) ? 'copied' : 'failed')}
      className={`rounded px-1.5 text-xs text-slate-300 hover:bg-slate-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring disabled:opacity-60 ${className}`}
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
    </button>
  );
}
