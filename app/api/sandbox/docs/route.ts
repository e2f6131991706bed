import { jsonError, jsonOk } from '@/lib/http/response';
import { loadCommandDocs } from '@/lib/sandbox/command-docs';
import { ValkeyUnavailableError } from '@/lib/valkey/connections';

export const dynamic = 'force-dynamic';

/** The console's command reference (completion, hover), from the sandbox server's COMMAND DOCS. */
export async function GET() {
  try {
    const response = jsonOk({ ok: true, commands: await loadCommandDocs() });
    // The same for every learner and only changes with the server's version.
    response.headers.set('Cache-Control', 'public, max-age=3600');
    return response;
  } catch (error) {
    if (error instanceof ValkeyUnavailableError) return jsonError(503, 'unavailable', error.message);
    console.error('[sandbox/docs]', error);
    return jsonError(500, 'internal', 'Could not read the command reference. Try again in a moment.');
  }
}
