import { handleRequest, jsonOk } from '@/lib/http/response';
import { loadCommandDocs } from '@/lib/sandbox/command-docs';

/** The console's command reference (completion, hover), from the sandbox server's COMMAND DOCS. */
export function GET() {
  return handleRequest('sandbox/docs', 'Could not read the command reference. Try again in a moment.', async () => {
    const response = jsonOk({ ok: true, commands: await loadCommandDocs() });
    // The same for every learner and only changes with the server's version.
    response.headers.set('Cache-Control', 'public, max-age=3600');
    return response;
  });
}
