'use client';

import { useId, useImperativeHandle, useLayoutEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { browseHistory, emptyHistory, recordCommand } from '@/lib/sandbox/history';
import { useHydrated } from '@/components/ui/use-hydrated';
import type { CommandEditorHandle, MonacoCommandEditorProps } from './MonacoCommandEditor';
import { Button } from '@/components/ui/Button';

export const PROMPT = 'valkey>';

type EditorComponent = (props: MonacoCommandEditorProps) => React.ReactNode;

/** What the page can do to the command line from outside: fill it for editing, and focus it. */
export interface CommandLineHandle {
  setText(text: string): void;
  focus(): void;
}

/**
 * The console's input line. It starts as a plain <input> that works on its own (Enter, ↑/↓,
 * Ctrl+L); the first focus starts loading the Monaco editor, which takes over the text, cursor
 * and focus once it has mounted, in the same place and at the same height. If Monaco cannot
 * load, the plain input simply stays.
 */
export function CommandBar({
  onRun,
  onClearOutput,
  ref,
}: {
  onRun(command: string): void;
  onClearOutput(): void;
  ref?: Ref<CommandLineHandle>;
}) {
  const hydrated = useHydrated();
  const inputId = useId();
  const [line, setLine] = useState('');
  const [Editor, setEditor] = useState<EditorComponent | null>(null);
  const [editor, setEditorHandle] = useState<CommandEditorHandle | null>(null);
  const history = useRef(emptyHistory());
  const inputRef = useRef<HTMLInputElement>(null);
  const loadStarted = useRef(false);

  const loadEditor = () => {
    if (loadStarted.current) return;
    loadStarted.current = true;
    import('./MonacoCommandEditor').then(
      (module) => setEditor(() => module.MonacoCommandEditor),
      (error: unknown) => console.error('[console] The editor did not load; the plain input stays.', error),
    );
  };

  /** Runs each non-empty line as its own command, in order; true if anything ran. */
  const submit = (text: string): boolean => {
    const commands = text.split(/\r?\n/).filter((command) => command.trim() !== '');
    if (commands.length === 0) return false;
    history.current = recordCommand(history.current, text);
    for (const command of commands) onRun(command);
    return true;
  };

  const browse = (direction: 'older' | 'newer', current: string): string => {
    const moved = browseHistory(history.current, direction, current);
    history.current = moved.state;
    return moved.line;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'l') {
      event.preventDefault();
      onClearOutput();
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      setLine(browse(event.key === 'ArrowUp' ? 'older' : 'newer', line));
    }
  };

  useImperativeHandle(ref, () => ({
    setText: (text) => (editor ? editor.setValue(text) : setLine(text)),
    focus: () => (editor ? editor.focus() : inputRef.current?.focus()),
  }));

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
  useLayoutEffect(() => {
    if (editor && inputFocused.current) {
      inputFocused.current = false;
      editor.focus();
    }
  }, [editor]);

  return (
    <form
      className="flex items-start gap-2 border-t border-slate-800 px-3 py-2"
      data-editor={editor ? 'monaco' : 'plain'}
      onSubmit={(event) => {
        event.preventDefault();
        if (editor) {
          if (submit(editor.getValue())) editor.setValue('');
        } else if (submit(line)) setLine('');
      }}
    >
      {editor ? (
        <span aria-hidden="true" className="font-mono text-[13px] leading-5 text-slate-400">
          {PROMPT}
        </span>
      ) : (
        <label htmlFor={inputId} className="font-mono text-[13px] leading-5 text-slate-400">
          <span aria-hidden="true">{PROMPT}</span>
          <span className="sr-only">Command</span>
        </label>
      )}
      <div className="relative min-h-5 min-w-0 flex-1 rounded-sm outline-offset-2 focus-within:outline focus-within:outline-1 focus-within:outline-ring">
        {!editor && (
          <input
            ref={inputRef}
            id={inputId}
            value={line}
            onChange={(event) => setLine(event.target.value)}
            onKeyDown={onKeyDown}
            onFocus={loadEditor}
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            enterKeyHint="send"
            maxLength={16384}
            disabled={!hydrated}
            className="block h-5 w-full bg-transparent font-mono text-[13px] leading-5 text-slate-100 outline-none placeholder:text-slate-400"
            placeholder="SET greeting hello"
          />
        )}
        {Editor && (
          // Laid out but invisible until mounted, so the swap does not move anything.
          <div className={editor ? undefined : 'invisible absolute inset-x-0 top-0'}>
            <Editor
              takeOver={takeOver}
              onReady={onEditorReady}
              onSubmit={submit}
              onHistory={browse}
              onClearOutput={onClearOutput}
            />
          </div>
        )}
      </div>
      <Button type="submit" size="xs" disabled={!hydrated} className="-my-0.5">
        Run
      </Button>
    </form>
  );
}
