'use client';

import { useId } from 'react';
import { cn } from '@/components/ui/cn';
import { useHydrated } from '@/components/ui/use-hydrated';
import { ENGINE_LABELS, SANDBOX_ENGINES, type SandboxEngine } from '@/lib/sandbox/engines';

/**
 * The console's engine switch: a radio group drawn as segmented buttons (native radios, so the
 * arrow keys move between engines and a screen reader announces "Engine, Memcached, radio button,
 * 3 of 3"). Each engine keeps its own transcript; the key browser and Reset follow the switch.
 */
export function EngineSwitch({
  engine,
  onChange,
  className = '',
}: {
  engine: SandboxEngine;
  onChange(engine: SandboxEngine): void;
  className?: string;
}) {
  const hydrated = useHydrated();
  const name = useId();
  return (
    <fieldset className={cn('flex min-w-0 items-center gap-2', className)} data-testid="engine-switch">
      <legend className="sr-only">Engine</legend>
      <span aria-hidden="true" className="shrink-0 text-xs text-slate-400">
        Engine
      </span>
      <div className="flex min-w-0 rounded-md border border-slate-700 p-0.5">
        {SANDBOX_ENGINES.map((each) => (
          <label
            key={each}
            className={cn(
              'cursor-pointer rounded px-2 py-1 text-xs whitespace-nowrap focus-within:outline focus-within:outline-2 focus-within:outline-ring',
              each === engine ? 'bg-sky-800 font-semibold text-white' : 'text-slate-300 hover:bg-slate-800',
            )}
          >
            <input
              type="radio"
              name={name}
              value={each}
              checked={each === engine}
              disabled={!hydrated}
              onChange={() => onChange(each)}
              className="sr-only"
            />
            {ENGINE_LABELS[each].name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
