'use client';

import { useCallback, useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { cn } from '@/components/ui/cn';
import type { CommandBarHandle } from './CommandBar';
import { ConsoleDockBar } from './ConsoleDockBar';
import { KeyBrowserDisclosure } from './KeyBrowserDisclosure';
import { Repl } from './Repl';
import { useSandbox } from './SandboxProvider';
import {
  applyDockInsets,
  CONSOLE_SHORTCUT,
  useConsoleShortcut,
  useDockInsets,
  useStickyEndClearance,
  WIDE_CONSOLE_QUERY,
} from './use-console-dock';

/** A completion list while shown, Monaco's or the plain input's (Escape closes it, not the console). */
const OPEN_COMPLETION_LIST = '.suggest-widget.visible, [role="combobox"][aria-expanded="true"]';

/**
 * The page's console and key browser. From `xl` up, a sticky panel beside the text; below it, a
 * sheet docked at the bottom of the window: a "Console" bar with the last reply that opens into
 * the console, the lesson still in view above it. Either way it answers openConsole (from <Run>
 * blocks, challenges, the `/` key), and Escape in it gives the focus back to where that came from.
 */
export function SandboxPanel({ heading, className = '' }: { heading: string; className?: string }) {
  const sandbox = useSandbox();
  if (!sandbox) throw new Error('<SandboxPanel> must be inside <SandboxProvider>.');
  const { consoleOpen, consoleRequest, focusOriginRef, openConsole, closeConsole } = sandbox;
  const dock = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const commandLine = useRef<CommandBarHandle>(null);
  const bodyId = useId();

  useDockInsets(dock);
  useStickyEndClearance(dock);
  useConsoleShortcut(useCallback(() => openConsole(), [openConsole]));

  // Carry out each openConsole call once the sheet is shown (this effect runs after that render).
  useEffect(() => {
    if (!consoleRequest) return;
    if (consoleRequest.prefill !== undefined) commandLine.current?.setValue(consoleRequest.prefill);
    if (!consoleRequest.focus) return;
    commandLine.current?.focus();
    // What the console was opened from stays in sight above the sheet, by the scroll padding, set
    // here from the open sheet's size (the resize observer would only report it after this).
    if (dock.current) applyDockInsets(dock.current);
    focusOriginRef.current?.scrollIntoView({ block: 'nearest' });
  }, [consoleRequest, focusOriginRef]);

  /** Gives the focus back to where openConsole took it from (or to the bar); true if it moved. */
  const returnFocus = (): boolean => {
    const origin = focusOriginRef.current;
    focusOriginRef.current = null;
    const target = origin?.isConnected ? origin : toggle.current;
    if (!target || target.offsetParent === null) return false;
    target.focus();
    return true;
  };

  const collapse = () => {
    const focusInside = dock.current?.contains(document.activeElement) ?? false;
    if (focusInside) returnFocus();
    else focusOriginRef.current = null;
    closeConsole();
  };

  // In the capture phase: Monaco takes every Escape for itself (it stops its propagation), so the
  // dock looks first and leaves it to Monaco only while Monaco's completion list is open.
  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || document.querySelector(OPEN_COMPLETION_LIST)) return;
    // Escape inside the key browser belongs to it (it cancels a reset), not to the dock.
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest('details') && !target.closest('summary')) return;
    const docked = !window.matchMedia(WIDE_CONSOLE_QUERY).matches;
    if (docked ? !consoleOpen : !focusOriginRef.current) return;
    event.preventDefault();
    event.stopPropagation();
    if (docked) collapse();
    else returnFocus();
  };

  // Shown where a keyboard is likely: on the bar from `sm`, in the console's header from `xl`.
  const shortcutHint = (shownFrom: string) => (
    <span className={cn('hidden shrink-0 text-xs text-slate-400', shownFrom)}>
      Press <kbd className="rounded border border-slate-600 px-1 font-mono">{CONSOLE_SHORTCUT}</kbd> to focus
    </span>
  );

  return (
    <div
      ref={dock}
      data-console-dock
      data-open={consoleOpen}
      onKeyDownCapture={onKeyDownCapture}
      className={cn(
        'flex flex-col',
        'max-xl:fixed max-xl:inset-x-0 max-xl:bottom-0 max-xl:z-30 max-xl:border-t max-xl:border-slate-700 max-xl:bg-white max-xl:shadow-[0_-4px_16px_rgb(0_0_0/0.2)] max-xl:dark:bg-slate-950',
        'xl:sticky xl:top-20 xl:h-[calc(100dvh-7rem-var(--sticky-end-overlap,0px))] xl:self-start',
        className,
      )}
    >
      <ConsoleDockBar
        ref={toggle}
        open={consoleOpen}
        controls={bodyId}
        hint={shortcutHint('sm:inline')}
        onOpen={() => openConsole()}
        onClose={collapse}
      />
      <div
        id={bodyId}
        className={cn(
          'flex min-h-0 flex-1 flex-col gap-2',
          consoleOpen ? 'max-xl:h-[min(60dvh,32rem)] max-xl:flex-none max-xl:px-2 max-xl:pb-2' : 'max-xl:hidden',
        )}
      >
        <Repl ref={commandLine} heading={heading} hint={shortcutHint('xl:inline')} className="min-h-0 flex-1" />
        <KeyBrowserDisclosure className="shrink-0" />
      </div>
    </div>
  );
}
