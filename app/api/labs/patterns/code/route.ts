import { handleRequest, jsonOk } from '@/lib/http/response';
import { readPatternCode } from '@/lib/labs/patterns/pattern-code';
import { warmUpPatternsLab } from '@/lib/labs/patterns/run-service';

/**
 * Each pattern's TypeScript source, for the read-only editor: `{ patterns: [{ id, title, source }] }`.
 * The lab page asks for it first, so it also warms the lab up for the page's first run.
 */
export function GET() {
  return handleRequest('labs/patterns/code', 'Could not read the patterns. Try again.', async () => {
    warmUpPatternsLab();
    return jsonOk(await readPatternCode());
  });
}
