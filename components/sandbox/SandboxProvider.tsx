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
import { ENGINE_LABELS, SANDBOX_ENGINES, type SandboxEngine } from '@/lib/sandbox/engines';
import { isLiveEngine, needsLiveStream, type LiveEngine } from '@/lib/sandbox/live-client';
import { useConsoleEngine } from './use-console-engine';
import { useLiveConsole, type LiveOutput } from './use-live-console';

export interface OpenConsoleOptions {
  /** Text to put in the command line (replacing what is there), for the learner to edit and run. */
  prefill?: string;
  /** Move the focus to the command line (the default); on Escape it comes back to where it was. */
  focus?: boolean;
  /** Switch the console to this engine first (a <Run engine> block), without changing the learner's remembered pick. */
  engine?: SandboxEngine;
}

/** A call of openConsole, for the page's console (SandboxPanel) to carry out; `id` tells calls apart. */
export interface ConsoleRequest extends OpenConsoleOptions {
  id: number;
}

interface SandboxContextValue {
  /** The engine the console talks to now; the key browser and Reset act on it too. */
  engine: SandboxEngine;
  /** The learner's pick on the engine switch (remembered in this browser). */
  chooseEngine(engine: SandboxEngine): void;
  /** The current engine's transcript: each engine keeps its own. */
  entries: ConsoleEntry[];
  busy: boolean;
  /** How many commands have been answered: grows by one per reply, so views can refresh after each. */
  completed: number;
  /**
   * Runs a command on an engine (the console's current one unless given; a <Run engine> or a
   * challenge gives its own, and the console switches to it so the learner sees the reply there).
   */
  run(command: string, engine?: SandboxEngine): Promise<ExecResponse>;
  /** Empties the current engine's transcript. */
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
  /** Whether the console is in subscribe mode on its current engine (the CLI's "Reading messages..."). */
  subscribeMode: boolean;
  /** Ctrl+C or Stop listening: leaves subscribe mode as the CLI does; false when there was nothing to stop. */
  stopListening(): boolean;
}

const SandboxContext = createContext<SandboxContextValue | null>(null);

const MAX_ENTRIES = 300;

type Transcripts = Record<SandboxEngine, ConsoleEntry[]>;
const EMPTY_TRANSCRIPTS = Object.fromEntries(SANDBOX_ENGINES.map((engine) => [engine, []])) as unknown as Transcripts;

function appendEntry(transcripts: Transcripts, engine: SandboxEngine, entry: ConsoleEntry): Transcripts {
  return { ...transcripts, [engine]: [...transcripts[engine], entry].slice(-MAX_ENTRIES) };
}
const MAX_ANNOUNCED_CHARS = 240;

/** What a screen reader hears for one reply: the command and the start of its reply. */
function announcementFor(command: string, text: string): string {
  const reply = text.length > MAX_ANNOUNCED_CHARS ? `${text.slice(0, MAX_ANNOUNCED_CHARS)}…` : text;
  return `${command.replaceAll('\n', ' ')}: ${reply}`;
}

/**
 * Shares one console between a page's REPL and its <Run> blocks; commands run one at a time.
 * Every reply, whoever sent the command, is announced once, by the one live region here: the
 * console's log and the replies under <Run> blocks are not live regions.
 */
export function SandboxProvider({ children }: { children: ReactNode }) {
  const { engine, choose: chooseStored, follow: followStored } = useConsoleEngine();
  const [transcripts, setTranscripts] = useState<Transcripts>(EMPTY_TRANSCRIPTS);
  const [pending, setPending] = useState(0);
  const [completed, setCompleted] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [consoleOpen, setConsoleOpen] = useState(false);
  const [consoleRequest, setConsoleRequest] = useState<ConsoleRequest | null>(null);
  const focusOrigin = useRef<HTMLElement | null>(null);
  const nextId = useRef(1);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  // What a live stream brings goes to the transcript of its engine (Valkey or Redis OSS).
  const appendLive = useCallback((output: LiveOutput, streamEngine: LiveEngine) => {
    setTranscripts((current) =>
      appendEntry(current, streamEngine, { id: nextId.current++, command: '', live: true as const, ...output }),
    );
  }, []);
  // Announced like a reply; a repeated text must still change, or it is not read again.
  const announce = useCallback(
    (text: string) => setAnnouncement((previous) => (previous === text ? `${text}\u00a0` : text)),
    [],
  );
  const live = useLiveConsole(appendLive, announce);
  const { ensureStream, getConsoleId, setSubscribeMode, leaveOtherEngine } = live;
  // A switch of engine ends the console's live stream on the other engine (its subscriptions too).
  const choose = useCallback(
    (next: SandboxEngine) => {
      leaveOtherEngine(next);
      chooseStored(next);
    },
    [leaveOtherEngine, chooseStored],
  );
  const follow = useCallback(
    (next: SandboxEngine) => {
      leaveOtherEngine(next);
      followStored(next);
    },
    [leaveOtherEngine, followStored],
  );

  /**
   * Sends one line from this console; on Valkey and Redis OSS it opens the console's live stream
   * on that engine first when the command needs one (Memcached has no pub/sub: no console id).
   */
  const sendFromConsole = useCallback(
    async (command: string, target: SandboxEngine): Promise<ExecResponse> => {
      if (!isLiveEngine(target)) return sendCommand(command, { engine: target });
      if (needsLiveStream(command)) {
        const ready = await ensureStream(target);
        if (ready !== true) return { ok: false, text: ready };
      }
      const response = await sendCommand(command, { consoleId: getConsoleId(), engine: target });
      if (response.subscribeMode !== undefined) setSubscribeMode(target, response.subscribeMode);
      return response;
    },
    [ensureStream, getConsoleId, setSubscribeMode],
  );

  const run = useCallback(
    (command: string, requested?: SandboxEngine) => {
      const target = requested ?? engine;
      if (target !== engine) follow(target);
      setPending((count) => count + 1);
      // Keep replies in the order commands were typed, as a terminal does.
      const result = queue.current.then(() => sendFromConsole(command, target));
      queue.current = result;
      return result.then((response) => {
        const entry: ConsoleEntry = { id: nextId.current++, command, ...response };
        setTranscripts((current) => appendEntry(current, target, entry));
        setPending((count) => count - 1);
        setCompleted((count) => count + 1);
        // A repeated reply (PING twice) must still change the text, or it is not read again.
        setAnnouncement((previous) => {
          const next = announcementFor(
            target === engine ? command : `${ENGINE_LABELS[target].name}, ${command}`,
            response.text,
          );
          return previous === next ? `${next}\u00a0` : next;
        });
        return response;
      });
    },
    [sendFromConsole, engine, follow],
  );

  const clear = useCallback(() => setTranscripts((current) => ({ ...current, [engine]: [] })), [engine]);

  const openConsole = useCallback(
    (options: OpenConsoleOptions = {}) => {
      if (options.engine) follow(options.engine);
      const focus = options.focus ?? true;
      if (focus) {
        const active = document.activeElement;
        // Keep the first origin while the focus is already in the console (a second call from there).
        const inConsole = active instanceof HTMLElement && active.closest('[data-console-dock]') !== null;
        if (!inConsole) focusOrigin.current = active instanceof HTMLElement && active !== document.body ? active : null;
      }
      setConsoleOpen(true);
      setConsoleRequest((previous) => ({ ...options, focus, id: (previous?.id ?? 0) + 1 }));
    },
    [follow],
  );
  const closeConsole = useCallback(() => setConsoleOpen(false), []);

  const entries = transcripts[engine];
  const value = useMemo(
    () => ({
      engine,
      chooseEngine: choose,
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
      subscribeMode: live.subscribedOn !== null && live.subscribedOn === engine,
      stopListening: live.stopListening,
    }),
    [
      engine,
      choose,
      entries,
      pending,
      completed,
      run,
      clear,
      openConsole,
      consoleOpen,
      closeConsole,
      consoleRequest,
      live.subscribedOn,
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
