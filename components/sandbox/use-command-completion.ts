'use client';

import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { CommandReference } from '@/lib/sandbox/command-docs';
import { acceptCompletion, completionListAt, moveActive, type CompletionList } from '@/lib/sandbox/completion-list';
import { engineSuggestions } from '@/lib/sandbox/engine-commands';
import type { SandboxEngine } from '@/lib/sandbox/engines';
import { loadCommandReference, loadedCommandReference } from './command-reference';

export interface CommandCompletion {
  /** The combobox attributes and handlers to spread on the <input>, beside its own. */
  inputProps: {
    role: 'combobox';
    'aria-autocomplete': 'list';
    'aria-expanded': boolean;
    'aria-controls': string | undefined;
    'aria-activedescendant': string | undefined;
  };
  list: CompletionList | null;
  listId: string;
  active: number;
  optionId(index: number): string;
  /** Call from the input's onChange, with the new text and cursor. */
  onEdit(line: string, cursor: number): void;
  /** Call from the input's onFocus: the first focus fetches the command reference. */
  onFocus(): void;
  /** True when the key was the list's (↑/↓, Enter or Tab on an entry, Escape): the input ignores it. */
  onKeyDown(event: KeyboardEvent<HTMLInputElement>): boolean;
  accept(index: number): void;
  close(): void;
}

/**
 * The plain input's completion list, as an ARIA 1.2 combobox with a listbox popup: typing opens
 * it (lib/sandbox/completion-list.ts decides when), ↓/↑ move through it while focus stays in the
 * input (aria-activedescendant), Enter or Tab writes the active entry, Escape closes it. Enter
 * with no entry active closes it and runs the line, as it would without a list.
 */
export function useCommandCompletion({
  line,
  setLine,
  inputRef,
  engine = 'valkey',
}: {
  line: string;
  setLine(line: string): void;
  inputRef: RefObject<HTMLInputElement | null>;
  /** Whose reference: Valkey's (fetched; Redis OSS shares it) or Memcached's (a module loaded on demand). */
  engine?: SandboxEngine;
}): CommandCompletion {
  const listId = useId();
  // The references live in command-reference.ts (shared by every console); a load re-renders this one.
  const [, setLoads] = useState(0);
  const reference = loadedCommandReference(engine);
  const [list, setList] = useState<CompletionList | null>(null);
  const [active, setActive] = useState(-1);
  const pendingCursor = useRef<number | null>(null);
  const triedOnEdit = useRef(new Set<SandboxEngine>());

  const show = (text: string, cursor: number, from: CommandReference | null) => {
    const found = from ? completionListAt(text, cursor, from) : null;
    setList(found && { ...found, items: engineSuggestions(found.items, engine) });
    setActive(-1);
  };
  const load = () => {
    void loadCommandReference(engine).then((loaded) => {
      if (!loaded) return;
      setLoads((loads) => loads + 1);
      // Words typed while it loaded get their list now.
      const input = inputRef.current;
      if (input && document.activeElement === input)
        show(input.value, input.selectionStart ?? input.value.length, loaded);
    });
  };
  const close = () => {
    setList(null);
    setActive(-1);
  };
  const accept = (index: number) => {
    const item = list?.items[index];
    if (!list || !item) return;
    const next = acceptCompletion(line, list, item.label);
    pendingCursor.current = next.cursor;
    setLine(next.line);
    close();
  };

  // The accepted entry's text is in the input only after React renders it; then place the cursor.
  useLayoutEffect(() => {
    const input = inputRef.current;
    if (pendingCursor.current === null || !input) return;
    input.setSelectionRange(pendingCursor.current, pendingCursor.current);
    pendingCursor.current = null;
  }, [line, inputRef]);

  const optionId = (index: number) => `${listId}-option-${index}`;
  return {
    inputProps: {
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': list !== null,
      'aria-controls': list ? listId : undefined,
      'aria-activedescendant': list && active >= 0 ? optionId(active) : undefined,
    },
    list,
    listId,
    active,
    optionId,
    onEdit: (text, cursor) => {
      if (reference) return show(text, cursor, reference);
      close();
      // The engine changed while the input kept focus: load its reference, once (a focus retries).
      if (!triedOnEdit.current.has(engine)) {
        triedOnEdit.current.add(engine);
        load();
      }
    },
    onFocus: () => {
      if (!reference) load();
    },
    onKeyDown: (event) => {
      if (!list) return false;
      const { key } = event;
      if (key === 'ArrowDown' || key === 'ArrowUp') {
        setActive((current) => moveActive(current, key === 'ArrowDown' ? 1 : -1, list.items.length));
      } else if ((key === 'Enter' || key === 'Tab') && active >= 0) {
        accept(active);
      } else if (key === 'Escape') {
        close();
        // A console in a sheet or dialog closes on Escape: this one closes only the list.
        event.stopPropagation();
      } else {
        if (key === 'Enter' || key === 'Tab') close();
        return false;
      }
      event.preventDefault();
      return true;
    },
    accept,
    close,
  };
}
