/**
 * The console's Monaco languages: "valkey" (Valkey and Redis OSS) and "memcached". Completion and
 * hover are driven by a command reference: for Valkey the one GET /api/sandbox/docs generates from
 * the server's COMMAND DOCS, for Memcached the small one in lib/sandbox/memcached-reference.ts (the
 * logic is lib/sandbox/completion.ts). Highlighting is Valkey's classifyLine, and Memcached's own
 * (memcached-language.ts: lower-case commands only, arguments by position). This file only adapts
 * them to Monaco.
 */
import type * as MonacoApi from 'monaco-editor/editor/editor.api.js';
import type { CommandReference } from '@/lib/sandbox/command-docs';
import { classifyLine, hoverAt, suggestAt, type Suggestion, type WordKind } from '@/lib/sandbox/completion';
import { awaitsDataBlock, engineDocumentation, engineSuggestions } from '@/lib/sandbox/engine-commands';
import { MEMCACHED_REFERENCE } from '@/lib/sandbox/memcached-reference';
import type { SandboxEngine } from '@/lib/sandbox/engines';
import { loadCommandReference } from './command-reference';
import { classifyMemcachedLine, type MemcachedWordKind } from './memcached-language';

type Monaco = typeof MonacoApi;

export const VALKEY_LANGUAGE = 'valkey';
export const MEMCACHED_LANGUAGE = 'memcached';

/** The editor language of an engine's console: Redis OSS shares Valkey's. */
export function languageFor(engine: SandboxEngine): string {
  return engine === 'memcached' ? MEMCACHED_LANGUAGE : VALKEY_LANGUAGE;
}
export const CONSOLE_THEME = 'keyspace-console';

const SCOPES: Record<WordKind, string> = {
  command: 'keyword',
  subcommand: 'keyword',
  token: 'type',
  string: 'string',
  number: 'number',
  argument: 'identifier',
};

const MEMCACHED_SCOPES: Record<MemcachedWordKind, string> = {
  command: 'keyword',
  // `SET`, or any word memcached does not know as a command: it answers ERROR.
  'unknown-command': 'invalid',
  number: 'number',
  noreply: 'type',
  argument: 'identifier',
  data: 'string',
};

// Every line is a command of its own, so tokenizing needs no state carried between lines, except
// after a Memcached storage header: the next line is its data block, shown as a string.
const LINE_STATE: MonacoApi.languages.IState = { clone: () => LINE_STATE, equals: (other) => other === LINE_STATE };
const DATA_NEXT: MonacoApi.languages.IState = { clone: () => DATA_NEXT, equals: (other) => other === DATA_NEXT };

let registered = false;
/** What the tokenizer uses: null until the reference has loaded (the command word is still coloured). */
let reference: CommandReference | null = null;

/** The shared reference (command-reference.ts); `onLoaded` runs the first time it arrives here. */
async function loadReference(onLoaded: () => void): Promise<CommandReference | null> {
  const loaded = await loadCommandReference();
  if (loaded && !reference) {
    reference = loaded;
    onLoaded();
  }
  return loaded;
}

/** Monaco's tokens for a line's coloured words, with white space between them. */
function toTokens(spans: Array<{ start: number; end: number; scope: string }>): MonacoApi.languages.IToken[] {
  const tokens: MonacoApi.languages.IToken[] = [];
  for (const span of spans) {
    if (tokens.at(-1)?.startIndex === span.start) tokens.pop();
    tokens.push({ startIndex: span.start, scopes: span.scope }, { startIndex: span.end, scopes: 'white' });
  }
  return tokens;
}

function lineTokens(line: string, from: CommandReference | null, engine: SandboxEngine): MonacoApi.languages.IToken[] {
  if (engine === 'memcached')
    return toTokens(classifyMemcachedLine(line).map((span) => ({ ...span, scope: MEMCACHED_SCOPES[span.kind] })));
  return toTokens(classifyLine(line, from).map((span) => ({ ...span, scope: SCOPES[span.kind] })));
}

// On the console's slate-950 background every colour here has a contrast ratio above 7:1.
const THEME: MonacoApi.editor.IStandaloneThemeData = {
  base: 'vs-dark',
  inherit: true,
  rules: [
    { token: 'keyword', foreground: '7dd3fc', fontStyle: 'bold' },
    { token: 'type', foreground: 'f0abfc' },
    { token: 'string', foreground: 'fcd34d' },
    { token: 'number', foreground: 'c4b5fd' },
    { token: 'identifier', foreground: 'f1f5f9' },
    // Underlined too, so an unknown command does not rest on colour alone.
    { token: 'invalid', foreground: 'fca5a5', fontStyle: 'underline' },
  ],
  colors: {
    'editor.background': '#020617',
    'editor.foreground': '#f1f5f9',
    'editorCursor.foreground': '#f1f5f9',
    'editor.lineHighlightBackground': '#020617',
    'editor.placeholder.foreground': '#94a3b8',
    'editorWidget.background': '#0f172a',
    'editorWidget.border': '#334155',
    'editorSuggestWidget.background': '#0f172a',
    'editorSuggestWidget.border': '#334155',
    'editorSuggestWidget.foreground': '#e2e8f0',
    'editorSuggestWidget.highlightForeground': '#7dd3fc',
    'editorSuggestWidget.selectedBackground': '#075985',
    'editorSuggestWidget.selectedForeground': '#ffffff',
    'editorHoverWidget.background': '#0f172a',
    'editorHoverWidget.border': '#334155',
    'editorHoverWidget.foreground': '#e2e8f0',
    descriptionForeground: '#cbd5e1',
    'textCodeBlock.background': '#1e293b',
    'textPreformat.foreground': '#e2e8f0',
  },
};

function completionKind(monaco: Monaco, kind: Suggestion['kind']): MonacoApi.languages.CompletionItemKind {
  const kinds = monaco.languages.CompletionItemKind;
  return kind === 'command' ? kinds.Function : kind === 'subcommand' ? kinds.Method : kinds.Keyword;
}

/**
 * One console language: tokens, completion and hover over `load`'s reference. `onLoaded` lets the
 * Valkey language re-tokenize once its reference has arrived.
 */
function registerLanguage(
  monaco: Monaco,
  id: string,
  engine: SandboxEngine,
  current: () => CommandReference | null,
  load: (retokenize: () => void) => Promise<CommandReference | null>,
): void {
  monaco.languages.register({ id });
  const tokensProvider: MonacoApi.languages.TokensProvider = {
    getInitialState: () => LINE_STATE,
    tokenize: (line, state) => {
      if (state === DATA_NEXT) return { tokens: [{ startIndex: 0, scopes: SCOPES.string }], endState: LINE_STATE };
      const endState = engine === 'memcached' && awaitsDataBlock(line) ? DATA_NEXT : LINE_STATE;
      return { tokens: lineTokens(line, current(), engine), endState };
    },
  };
  monaco.languages.setTokensProvider(id, tokensProvider);
  // Setting the provider again makes Monaco re-tokenize, now knowing each command's tokens.
  const retokenize = () => monaco.languages.setTokensProvider(id, tokensProvider);

  monaco.languages.registerCompletionItemProvider(id, {
    async provideCompletionItems(model, position) {
      const commands = await load(retokenize);
      if (!commands) return { suggestions: [] };
      const { from, to, items } = suggestAt(model.getLineContent(position.lineNumber), position.column - 1, commands);
      const range = new monaco.Range(position.lineNumber, from + 1, position.lineNumber, to + 1);
      return {
        suggestions: engineSuggestions(items, engine).map((item, index) => ({
          label: item.label,
          kind: completionKind(monaco, item.kind),
          detail: item.detail,
          documentation: { value: item.documentation },
          insertText: item.label,
          // Keep our order (commands A–Z, tokens in syntax order) rather than Monaco's.
          sortText: String(index).padStart(4, '0'),
          range,
        })),
      };
    },
  });

  monaco.languages.registerHoverProvider(id, {
    async provideHover(model, position) {
      const commands = await load(retokenize);
      if (!commands) return null;
      const hover = hoverAt(model.getLineContent(position.lineNumber), position.column - 1, commands);
      if (!hover) return null;
      return {
        range: new monaco.Range(position.lineNumber, hover.from + 1, position.lineNumber, hover.to + 1),
        contents: [{ value: engineDocumentation(hover.markdown, engine) }],
      };
    },
  });
  void load(retokenize);
}

/** Registers the console languages and theme; safe to call for every editor (runs once). */
export function registerConsoleLanguages(monaco: Monaco): void {
  if (registered) return;
  registered = true;
  registerLanguage(monaco, VALKEY_LANGUAGE, 'valkey', () => reference, loadReference);
  const memcached = async () => MEMCACHED_REFERENCE;
  registerLanguage(monaco, MEMCACHED_LANGUAGE, 'memcached', () => MEMCACHED_REFERENCE, memcached);
  monaco.editor.defineTheme(CONSOLE_THEME, THEME);
}
