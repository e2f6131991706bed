import { handleRequest, jsonOk } from '@/lib/http/response';
import { readPatternCode } from '@/lib/labs/patterns/pattern-code';

/** Each pattern's TypeScript source, for the read-only editor: `{ patterns: [{ id, title, source }] }`. */
export function GET() {
  return handleRequest('labs/patterns/code', 'Could not read the patterns. Try again.', async () =>
    jsonOk(await readPatternCode()),
  );
}
