'use client';

import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
import { sendCommand, type ConsoleEntry, type ExecResponse } from '@/lib/sandbox/api-client';
import { needsLiveStream } from '@/lib/sandbox/live-client';
import { useLiveConsole, type LiveOutput } from './use-live-console';

export interface OpenConsoleOptions {
  /** Text to put in the command line (replacing what is there), for the learner to edit and run. */
  prefill?: string;
  /** Move the focus to the command line (the default); on Escape it comes back to where it was. */
  focus?: boolean;
}

/** A call of openConsole, for the page's console (SandboxPanel) to carry out; `id` tells calls apart. */
export interface ConsoleRequest extends OpenConsoleOptions {
  id: number;
}

interface SandboxContextValue {
  entries: ConsoleEntry[];
  busy: boolean;
  /** How many commands have been answered: grows by one per reply, so views can refresh after each. */
  completed: number;
  run(command: string): Promise<ExecResponse>;
  clear(): void;
  /**
   * Brings the page's console to the learner: below `xl` it opens the docked sheet, above it the
   * side console is already in view; then fills the command line and focuses it (see the options).
   * Does nothing visible on a page without a SandboxPanel.
   */
  openConsole(options?: OpenConsoleOptions): void;
  /** Below `xl`: whether the docked console is open (above it the console is always shown). */
  consoleOpen: boolean;
  /** Folds the docked console; focus is the caller's to move (SandboxPanel returns it). */
  closeConsole(): void;
  /** The latest openConsole call, null before the first. */
  consoleRequest: ConsoleRequest | null;
  /** Where the focus was when openConsole took it, for Escape to go back to. */
  focusOriginRef: RefObject<HTMLElement | null>;
  /** Whether the console is in subscribe mode (valkey-cli's "Reading messages..."). */
  subscribeMode: boolean;
  /** Ctrl+C or Stop listening: leaves subscribe mode as valkey-cli does; false when there was nothing to stop. */
  stopListening(): boolean;
}

const SandboxContext = createContext<SandboxContextValue | null>(null);

const MAX_ENTRIES = 300;
const MAX_ANNOUNCED_CHARS = 240;

/** What a screen reader hears for one reply: the command and the start of its reply. */
function announcementFor(command: string, text: string): string {
  const reply = text.length > MAX_ANNOUNCED_CHARS ? `${text.slice(0, MAX_ANNOUNCED_CHARS)}…` : text;
  return `${command}: ${reply}`;
}

/**
 * Shares one console between a page's REPL and its <Run> blocks; commands run one at a time.
 * Every reply, whoever sent the command, is announced once, by the one live region here: the
 * console's log and the replies under <Run> blocks are not live regions.
 */
export function SandboxProvider({ children }: { children: ReactNode }) {
  const [entries, setEntries] = useState<ConsoleEntry[]>([]);
  const [pending, setPending] = useState(0);
  const [completed, setCompleted] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [consoleOpen, setConsoleOpen] = useState(false);
  const [consoleRequest, setConsoleRequest] = useState<ConsoleRequest | null>(null);
  const focusOrigin = useRef<HTMLElement | null>(null);
  const nextId = useRef(1);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const appendLive = useCallback((output: LiveOutput) => {
    setEntries((current) =>
      [...current, { id: nextId.current++, command: '', live: true as const, ...output }].slice(-MAX_ENTRIES),
    );
  }, []);
  // Announced like a reply; a repeated text must still change, or it is not read again.
  const announce = useCallback(
    (text: string) => setAnnouncement((previous) => (previous === text ? `${text}\u00a0` : text)),
    [],
  );
  const live = useLiveConsole(appendLive, announce);
  const { ensureStream, getConsoleId, setSubscribeMode } = live;

  /** Sends one line from this console, opening its live stream first when the command needs one. */
  const sendFromConsole = useCallback(
    async (command: string): Promise<ExecResponse> => {
      if (needsLiveStream(command)) {
        const ready = await ensureStream();
        if (ready !== true) return { ok: false, text: ready };
      }
      const response = await sendCommand(command, undefined, getConsoleId());
      if (response.subscribeMode !== undefined) setSubscribeMode(response.subscribeMode);
      return response;
    },
    [ensureStream, getConsoleId, setSubscribeMode],
  );

  const run = useCallback(
    (command: string) => {
      setPending((count) => count + 1);
      // Keep replies in the order commands were typed, as a terminal does.
      const result = queue.current.then(() => sendFromConsole(command));
      queue.current = result;
      return result.then((response) => {
        const entry: ConsoleEntry = { id: nextId.current++, command, ...response };
        setEntries((current) => [...current, entry].slice(-MAX_ENTRIES));
        setPending((count) => count - 1);
        setCompleted((count) => count + 1);
        // A repeated reply (PING twice) must still change the text, or it is not read again.
        setAnnouncement((previous) => {
          const next = announcementFor(command, response.text);
          return previous === next ? `${next}\u00a0` : next;
        });
        return response;
      });
    },
    [sendFromConsole],
  );

  const clear = useCallback(() => setEntries([]), []);

  const openConsole = useCallback((options: OpenConsoleOptions = {}) => {
    const focus = options.focus ?? true;
    if (focus) {
      const active = document.activeElement;
      // Keep the first origin while the focus is already in the console (a second call from there).
      const inConsole = active instanceof HTMLElement && active.closest('[data-console-dock]') !== null;
      if (!inConsole) focusOrigin.current = active instanceof HTMLElement && active !== document.body ? active : null;
    }
    setConsoleOpen(true);
    setConsoleRequest((previous) => ({ ...options, focus, id: (previous?.id ?? 0) + 1 }));
  }, []);
  const closeConsole = useCallback(() => setConsoleOpen(false), []);

  const value = useMemo(
    () => ({
      entries,
      busy: pending > 0,
      completed,
      run,
      clear,
      openConsole,
      consoleOpen,
      closeConsole,
      consoleRequest,
      focusOriginRef: focusOrigin,
      subscribeMode: live.subscribeMode,
      stopListening: live.stopListening,
    }),
    [
      entries,
      pending,
      completed,
      run,
      clear,
      openConsole,
      consoleOpen,
      closeConsole,
      consoleRequest,
      live.subscribeMode,
      live.stopListening,
    ],
  );
  return (
    <SandboxContext.Provider value={value}>
      {children}
      <p role="status" className="sr-only" data-testid="console-announcer">
        {announcement}
      </p>
    </SandboxContext.Provider>
  );
}

export function useSandbox(): SandboxContextValue | null {
  return useContext(SandboxContext);
}
