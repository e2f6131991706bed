'use client';

import { useEffect, useRef } from 'react';
import { argumentHint } from '@/lib/sandbox/completion-list';
import type { CommandCompletion } from './use-command-completion';

/**
 * The plain input's completion popup: above the command line (the console's input is at its
 * bottom), as wide as the console, each entry its name, argument hint and one-line summary,
 * truncated to fit a 360 px screen. Entries are picked with the keyboard from the input, or by a
 * tap or click, which must not take the focus from the input (the soft keyboard would close).
 */
export function CommandCompletionList({ completion }: { completion: CommandCompletion }) {
  const { list, listId, active, optionId } = completion;
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (active < 0) return;
    listRef.current?.querySelector(`#${CSS.escape(optionId(active))}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, optionId]);

  if (!list) return null;
  return (
    <ul
      ref={listRef}
      id={listId}
      role="listbox"
      aria-label="Command suggestions"
      className="absolute inset-x-2 bottom-full z-30 mb-1 max-h-56 overflow-y-auto overscroll-contain rounded-md border border-slate-700 bg-slate-900 py-1 text-slate-100 shadow-lg"
    >
      {list.items.map((item, index) => {
        const hint = argumentHint(item);
        const selected = index === active;
        return (
          <li
            key={item.label}
            id={optionId(index)}
            role="option"
            aria-selected={selected}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => completion.accept(index)}
            className={`cursor-pointer px-3 py-1.5 ${selected ? 'bg-sky-800' : 'hover:bg-slate-800'}`}
          >
            <span className="flex min-w-0 items-baseline gap-2 font-mono text-[13px] leading-5">
              <span className={`shrink-0 font-semibold ${selected ? 'text-white' : 'text-sky-300'}`}>{item.label}</span>
              {hint && <span className={`truncate ${selected ? 'text-sky-50' : 'text-slate-300'}`}>{hint}</span>}
            </span>
            <span className={`block truncate text-xs leading-4 ${selected ? 'text-sky-50' : 'text-slate-300'}`}>
              {item.summary}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
