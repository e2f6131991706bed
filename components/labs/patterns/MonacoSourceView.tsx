'use client';

/**
 * A pattern's TypeScript source, read-only, in Monaco. Imported only on wide, pointer-driven
 * screens (SourceView.tsx, after hydration), so Monaco is never in a page's first download and
 * never loads on phones. Monaco comes from the npm package, bundled with the app: never a CDN.
 */
import Editor, { loader, type BeforeMount } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor/editor.api.js';
// TypeScript colouring only (a Monarch grammar): no language worker, no IntelliSense.
import 'monaco-editor/languages/definitions/typescript/register.js';

globalThis.MonacoEnvironment ??= {
  getWorker: () =>
    new Worker(new URL('../../sandbox/editor-worker.ts', import.meta.url), { type: 'module', name: 'monaco-editor' }),
};
loader.config({ monaco });

/** vs-dark with comments bright enough to read (its #608b4e is 4.2:1 on the background; WCAG AA asks 4.5:1). */
const SOURCE_THEME = 'keyspace-source';
const defineTheme: BeforeMount = (api) =>
  api.editor.defineTheme(SOURCE_THEME, {
    base: 'vs-dark',
    inherit: true,
    rules: [{ token: 'comment', foreground: '8fbf7a' }],
    colors: {},
  });

const OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  readOnly: true,
  domReadOnly: true,
  ariaLabel: 'Pattern source (read-only)',
  fontSize: 12,
  lineHeight: 18,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  // Tab leaves the editor: keyboard users must not be trapped in a read-only view.
  tabFocusMode: true,
  editContext: false,
  wordWrap: 'on',
  renderLineHighlight: 'none',
  contextmenu: false,
  stickyScroll: { enabled: false },
  scrollbar: { alwaysConsumeMouseWheel: false },
};

export function MonacoSourceView({ source, height }: { source: string; height: number }) {
  return (
    <Editor
      height={height}
      language="typescript"
      value={source}
      theme={SOURCE_THEME}
      beforeMount={defineTheme}
      options={OPTIONS}
      loading={null}
      wrapperProps={{ 'data-testid': 'pattern-source-editor' }}
    />
  );
}
