// Monaco's own editor worker, bundled from the npm package. The console's language services run
// in the page (components/sandbox/valkey-language.ts), so no language worker is needed.
import 'monaco-editor/editor/editor.worker.js';
