'use client';

import { useId, useImperativeHandle, useLayoutEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { browseHistory, emptyHistory, recordCommand, type HistoryState } from '@/lib/sandbox/history';
import { awaitsDataBlock, ENGINE_PROMPTS, splitConsoleInput } from '@/lib/sandbox/engine-commands';
import { SANDBOX_ENGINES, type SandboxEngine } from '@/lib/sandbox/engines';
import { useHydrated } from '@/components/ui/use-hydrated';
import type { CommandEditorHandle } from './MonacoCommandEditor';
import { Button } from '@/components/ui/Button';
import { CommandCompletionList } from './CommandCompletionList';
import { useCommandCompletion } from './use-command-completion';
import {
  loadMonacoEditor,
  useMonacoWanted,
  usePreloadMonaco,
  whenIdle,
  type EditorComponent,
} from './use-monaco-preload';

/** What the empty command line suggests typing, in the engine's own spelling. */
const PLACEHOLDERS: Record<SandboxEngine, string> = {
  valkey: 'SET greeting hello',
  redis: 'SET greeting hello',
  memcached: 'set greeting 0 60 5 hello',
};

const emptyHistories = () =>
  Object.fromEntries(SANDBOX_ENGINES.map((engine) => [engine, emptyHistory()])) as Record<SandboxEngine, HistoryState>;

/** What a parent can do with the command line (prefill it from a Run block, focus it from a shortcut). */
export interface CommandBarHandle {
  /** Focuses the command line: Monaco once it has taken over, else the plain input. */
  focus(): void;
  /** Replaces the command line's text, cursor at the end; nothing runs. */
  setValue(text: string): void;
}

export interface CommandBarProps {
  onRun(command: string): void;
  onClearOutput(): void;
  /** Ctrl+C with nothing selected, while the console listens (subscribe mode): leave it, as valkey-cli does. */
  onInterrupt?(): void;
  ref?: Ref<CommandBarHandle>;
  /**
   * Never Monaco, at any width: for a page's secondary command lines (a challenge's own console).
   * Monaco binds its keys (Enter runs) for the whole page, to the editor made last, so a page
   * holds one Monaco console at most.
   */
  light?: boolean;
  /**
   * The engine the line is for (Valkey unless told): its prompt, completion, history (each engine
   * keeps its own) and how a text splits into commands (a Memcached storage command and its data
   * block are one).
   */
  engine?: SandboxEngine;
}

/**
 * The console's input line. It starts as a plain <input> that works on its own (Enter, ↑/↓,
 * Ctrl+L) with a completion list (use-command-completion.ts). On phones and narrow screens it
 * stays that way: Monaco is never loaded there (use-monaco-preload.ts). Elsewhere Monaco is
 * fetched and mounted when the browser is idle after hydration (or on the first focus, if that
 * comes first), and takes over the text, cursor and focus, in the same place and at the same
 * height. If Monaco cannot load, the plain input simply stays.
 *
 * data-editor on the form says which is in use: "plain" (Monaco to come), "light" (Monaco never
 * loads here) or "monaco".
 */
export function CommandBar({
  onRun,
  onClearOutput,
  onInterrupt,
  ref,
  light = false,
  engine = 'valkey',
}: CommandBarProps) {
  const hydrated = useHydrated();
  const monacoWanted = useMonacoWanted() && !light;
  const inputId = useId();
  const [line, setLine] = useState('');
  const [Editor, setEditor] = useState<EditorComponent | null>(null);
  const [editor, setEditorHandle] = useState<CommandEditorHandle | null>(null);
  const histories = useRef(emptyHistories());
  const inputRef = useRef<HTMLInputElement>(null);
  const mountStarted = useRef(false);
  const completion = useCommandCompletion({ line, setLine, inputRef, engine });
  const prompt = ENGINE_PROMPTS[engine];

  const mountEditor = () => {
    if (!monacoWanted || mountStarted.current) return;
    mountStarted.current = true;
    loadMonacoEditor().then(
      (component) => setEditor(() => component),
      (error: unknown) => {
        mountStarted.current = false;
        console.error('[console] The editor did not load; the plain input stays.', error);
      },
    );
  };

  // A console on screen mounts Monaco as soon as it is preloaded; one that is not laid out (in a
  // closed sheet) would measure zero width, so it mounts Monaco on its first focus instead.
  usePreloadMonaco(monacoWanted, () => {
    if (inputRef.current && inputRef.current.getClientRects().length > 0) mountEditor();
  });

  useImperativeHandle(ref, () => ({
    focus: () => (editor ? editor.focus() : inputRef.current?.focus()),
    setValue: (text) => {
      if (editor) editor.setValue(text);
      else {
        setLine(text);
        completion.close();
      }
    },
  }));

  /** Runs each command of the text (a line each; a storage command with its data block), in order; true if anything ran. */
  const submit = (text: string): boolean => {
    const commands = splitConsoleInput(text, engine);
    if (commands.length === 0) return false;
    histories.current[engine] = recordCommand(histories.current[engine], text);
    for (const command of commands) onRun(command);
    return true;
  };

  const browse = (direction: 'older' | 'newer', current: string): string => {
    const moved = browseHistory(histories.current[engine], direction, current);
    histories.current[engine] = moved.state;
    return moved.line;
  };

  /** Enter after a Memcached storage header alone goes to the data line (in Monaco), as nc waits for the data. */
  const awaitsMore = (text: string): boolean =>
    engine === 'memcached' && awaitsDataBlock(text.split('\n').at(-1) ?? '');

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (completion.onKeyDown(event)) return;
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'l') {
      event.preventDefault();
      onClearOutput();
    } else if (
      event.ctrlKey &&
      event.key.toLowerCase() === 'c' &&
      onInterrupt &&
      event.currentTarget.selectionStart === event.currentTarget.selectionEnd
    ) {
      event.preventDefault();
      onInterrupt();
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      setLine(browse(event.key === 'ArrowUp' ? 'older' : 'newer', line));
    }
  };

  const takeOver = () => {
    const input = inputRef.current;
    return { value: input?.value ?? '', cursor: input?.selectionStart ?? input?.value.length ?? 0 };
  };

  const inputFocused = useRef(false);
  const onEditorReady = (handle: CommandEditorHandle) => {
    inputFocused.current = inputRef.current !== null && document.activeElement === inputRef.current;
    setEditorHandle(handle);
  };
  // The hidden editor could not take focus; now that it is shown (and the input gone), it can.
  // A layout effect runs in the same task as the swap, so no keystroke falls in between.
  // Keys typed into the plain input after Monaco read its text (on mount) are in `line`: keep them.
  const lineAtSwap = useRef(line);
  useLayoutEffect(() => {
    lineAtSwap.current = line;
  });
  // Whether the plain input holds the focus now. Removing a focused element fires no blur, so this
  // stays true through the swap: a focus that came after onEditorReady (a "/" shortcut in the same
  // moment) still passes to the editor instead of being dropped on <body>.
  const inputHasFocus = useRef(false);
  useLayoutEffect(() => {
    if (!editor) return;
    if (editor.getValue() !== lineAtSwap.current) editor.setValue(lineAtSwap.current);
    const focusDropped = document.activeElement === null || document.activeElement === document.body;
    if (inputFocused.current || (inputHasFocus.current && focusDropped)) {
      inputFocused.current = false;
      inputHasFocus.current = false;
      editor.focus();
    }
  }, [editor]);

  return (
    <form
      className="relative flex items-start gap-2 border-t border-slate-800 px-3 py-2"
      data-editor={editor ? 'monaco' : hydrated && !monacoWanted ? 'light' : 'plain'}
      onSubmit={(event) => {
        event.preventDefault();
        if (editor) {
          if (submit(editor.getValue())) editor.setValue('');
        } else if (submit(line)) {
          setLine('');
          completion.close();
        }
      }}
    >
      {editor ? (
        <span aria-hidden="true" className="font-mono text-[13px] leading-5 text-slate-400">
          {prompt}
        </span>
      ) : (
        <label htmlFor={inputId} className="font-mono text-[13px] leading-5 text-slate-400">
          <span aria-hidden="true">{prompt}</span>
          <span className="sr-only">Command</span>
        </label>
      )}
      <div className="relative min-h-5 min-w-0 flex-1 rounded-sm outline-offset-2 focus-within:outline focus-within:outline-1 focus-within:outline-ring">
        {!editor && (
          <input
            ref={inputRef}
            id={inputId}
            value={line}
            {...completion.inputProps}
            onChange={(event) => {
              setLine(event.target.value);
              completion.onEdit(event.target.value, event.target.selectionStart ?? event.target.value.length);
            }}
            onKeyDown={onKeyDown}
            onFocus={() => {
              inputHasFocus.current = true;
              completion.onFocus();
              // Not at once: evaluating and mounting Monaco is a long task, and the keys typed
              // right after the focus must not wait for it. The plain input takes them meanwhile.
              whenIdle(mountEditor, 1_000);
            }}
            onBlur={() => {
              inputHasFocus.current = false;
              completion.close();
            }}
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            enterKeyHint="send"
            maxLength={16384}
            disabled={!hydrated}
            className="block h-5 w-full bg-transparent font-mono text-[13px] leading-5 text-slate-100 outline-none placeholder:text-slate-400"
            placeholder={PLACEHOLDERS[engine]}
          />
        )}
        {Editor && (
          // Laid out but invisible until mounted, so the swap does not move anything.
          <div className={editor ? undefined : 'invisible absolute inset-x-0 top-0'}>
            <Editor
              takeOver={takeOver}
              onReady={onEditorReady}
              onSubmit={submit}
              awaitsMore={awaitsMore}
              engine={engine}
              onHistory={browse}
              onClearOutput={onClearOutput}
              onInterrupt={onInterrupt}
            />
          </div>
        )}
      </div>
      {!editor && <CommandCompletionList completion={completion} />}
      <Button type="submit" size="xs" disabled={!hydrated} className="-my-0.5">
        Run
      </Button>
    </form>
  );
}
