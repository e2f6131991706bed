'use client';

/**
 * The console's Monaco editor. Loaded only when the learner first focuses the console input
 * (CommandBar.tsx imports this module on focus), so Monaco is never in a page's first download.
 * Monaco comes from the npm package, bundled with the app: never from a CDN.
 */
import Editor, { loader, type OnMount } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor/editor.api.js';
// Only the editor features the console uses, not editor.main (which brings every language).
import 'monaco-editor/editor/browser/coreCommands.js';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/features/codicon/register.js';
import 'monaco-editor/features/clipboard/register.js';
import 'monaco-editor/features/cursorUndo/register.js';
import 'monaco-editor/features/hover/register.js';
import 'monaco-editor/features/placeholderText/register.js';
import 'monaco-editor/features/suggest/register.js';
import 'monaco-editor/features/wordOperations/register.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SandboxEngine } from '@/lib/sandbox/engines';
import { CONSOLE_THEME, languageFor, registerConsoleLanguages } from './valkey-language';

globalThis.MonacoEnvironment = {
  getWorker: () =>
    new Worker(new URL('./editor-worker.ts', import.meta.url), { type: 'module', name: 'monaco-editor' }),
};
loader.config({ monaco });

/** What the command bar can do with the editor once it is mounted. */
export interface CommandEditorHandle {
  getValue(): string;
  setValue(text: string): void;
  focus(): void;
}

export interface MonacoCommandEditorProps {
  /** Called on mount: the plain input's text and cursor, for a seamless hand-over. */
  takeOver(): { value: string; cursor: number };
  /** The editor is mounted; the caller shows it (and focuses it if the input had focus). */
  onReady(handle: CommandEditorHandle): void;
  /** Runs the text (each non-empty line a command); true when something ran and the editor should empty. */
  onSubmit(text: string): boolean;
  /** True when Enter should start a new line instead (a Memcached storage header waiting for its data block). */
  awaitsMore(text: string): boolean;
  /** Which engine's language: highlighting, completion and hover. */
  engine: SandboxEngine;
  /** The history line to show after ↑ (older) or ↓ (newer). */
  onHistory(direction: 'older' | 'newer', current: string): string;
  onClearOutput(): void;
  /** Set while the console listens (subscribe mode): Ctrl+C calls it. */
  onInterrupt?(): void;
}

const LINE_HEIGHT = 20;
const MAX_LINES = 8;

const OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  ariaLabel: 'Command',
  placeholder: 'SET greeting hello',
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Monaco, Consolas, "Liberation Mono", "Courier New", monospace',
  fontSize: 13,
  lineHeight: LINE_HEIGHT,
  // A textarea rather than the EditContext API: better known to screen readers and test tools.
  editContext: false,
  // Tab moves focus out of the editor (keyboard users must not be trapped); it still accepts a suggestion.
  tabFocusMode: true,
  lineNumbers: 'off',
  glyphMargin: false,
  folding: false,
  lineDecorationsWidth: 0,
  lineNumbersMinChars: 0,
  minimap: { enabled: false },
  scrollbar: { vertical: 'hidden', horizontal: 'hidden', alwaysConsumeMouseWheel: false, useShadows: false },
  overviewRulerLanes: 0,
  overviewRulerBorder: false,
  hideCursorInOverviewRuler: true,
  renderLineHighlight: 'none',
  scrollBeyondLastLine: false,
  // One view line per command line, as in a terminal input: a long command scrolls sideways.
  wordWrap: 'off',
  fixedOverflowWidgets: true,
  contextmenu: false,
  links: false,
  occurrencesHighlight: 'off',
  selectionHighlight: false,
  matchBrackets: 'never',
  unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: false },
  guides: { indentation: false },
  stickyScroll: { enabled: false },
  // valkey-cli does not close quotes for you; neither does the console.
  autoClosingBrackets: 'never',
  autoClosingQuotes: 'never',
  autoSurround: 'never',
  wordBasedSuggestions: 'off',
  quickSuggestions: { other: true, comments: false, strings: false },
  // Enter always runs the command, as in a terminal; Tab accepts a suggestion.
  acceptSuggestionOnEnter: 'off',
  suggest: { showWords: false, preview: false, insertMode: 'replace' },
  hover: { enabled: 'on', delay: 400 },
  padding: { top: 0, bottom: 0 },
};

export function MonacoCommandEditor({
  takeOver,
  onReady,
  onSubmit,
  awaitsMore,
  engine,
  onHistory,
  onClearOutput,
  onInterrupt,
}: MonacoCommandEditorProps) {
  const [height, setHeight] = useState(LINE_HEIGHT);
  const options = useMemo(
    () => ({ ...OPTIONS, placeholder: engine === 'memcached' ? 'set greeting 0 60 5 hello' : OPTIONS.placeholder }),
    [engine],
  );
  // Monaco's commands are bound once, at mount; they call whatever the latest props are.
  const latest = useRef({ onSubmit, awaitsMore, onHistory, onClearOutput, onInterrupt });
  const listening = useRef<{ set(value: boolean): void } | null>(null);
  useEffect(() => {
    latest.current = { onSubmit, awaitsMore, onHistory, onClearOutput, onInterrupt };
    listening.current?.set(onInterrupt !== undefined);
  });

  const onMount: OnMount = (editor, api) => {
    const { KeyCode, KeyMod } = api;
    const model = editor.getModel();
    const moveToEnd = () => {
      const line = model?.getLineCount() ?? 1;
      editor.setPosition({ lineNumber: line, column: model?.getLineMaxColumn(line) ?? 1 });
    };
    const setText = (text: string) => {
      editor.setValue(text);
      moveToEnd();
    };

    const onFirstLine = editor.createContextKey<boolean>('keyspaceOnFirstLine', true);
    const onLastLine = editor.createContextKey<boolean>('keyspaceOnLastLine', true);
    editor.onDidChangeCursorPosition(({ position }) => {
      onFirstLine.set(position.lineNumber === 1);
      onLastLine.set(position.lineNumber === (model?.getLineCount() ?? 1));
    });
    editor.onDidContentSizeChange(({ contentHeight }) =>
      setHeight(Math.min(Math.max(contentHeight, LINE_HEIGHT), LINE_HEIGHT * MAX_LINES)),
    );

    editor.addCommand(KeyCode.Enter, () => {
      editor.trigger('keyboard', 'hideSuggestWidget', null);
      const text = editor.getValue();
      if (latest.current.awaitsMore(text)) editor.trigger('keyboard', 'type', { text: '\n' });
      else if (latest.current.onSubmit(text)) editor.setValue('');
    });
    editor.addCommand(KeyMod.Shift | KeyCode.Enter, () => editor.trigger('keyboard', 'type', { text: '\n' }));
    const recall = (direction: 'older' | 'newer') => setText(latest.current.onHistory(direction, editor.getValue()));
    editor.addCommand(KeyCode.UpArrow, () => recall('older'), 'keyspaceOnFirstLine && !suggestWidgetVisible');
    editor.addCommand(KeyCode.DownArrow, () => recall('newer'), 'keyspaceOnLastLine && !suggestWidgetVisible');
    // Ctrl+L clears the screen, as in a terminal (WinCtrl is Ctrl on macOS, CtrlCmd elsewhere).
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyL, () => latest.current.onClearOutput());
    editor.addCommand(KeyMod.WinCtrl | KeyCode.KeyL, () => latest.current.onClearOutput());
    // Ctrl+C leaves subscribe mode, as in valkey-cli; only then, and only with nothing selected (else it copies).
    listening.current = editor.createContextKey<boolean>('keyspaceListening', onInterrupt !== undefined);
    const interrupt = () => latest.current.onInterrupt?.();
    editor.addCommand(KeyMod.WinCtrl | KeyCode.KeyC, interrupt, 'keyspaceListening && !editorHasSelection');
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyC, interrupt, 'keyspaceListening && !editorHasSelection');

    const { value, cursor } = takeOver();
    editor.setValue(value);
    editor.setPosition({ lineNumber: 1, column: cursor + 1 });
    onReady({ getValue: () => editor.getValue(), setValue: setText, focus: () => editor.focus() });
  };

  return (
    <Editor
      height={height}
      language={languageFor(engine)}
      theme={CONSOLE_THEME}
      options={options}
      loading={null}
      beforeMount={registerConsoleLanguages}
      onMount={onMount}
      wrapperProps={{ 'data-testid': 'command-editor' }}
    />
  );
}
