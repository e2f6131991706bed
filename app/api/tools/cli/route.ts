import type { NextRequest } from 'next/server';
import { handleRequest, jsonOk, readJsonBody } from '@/lib/http/response';
import { buildCliCommand } from '@/lib/tools/cli-builder';
import { CliRequest, TOOLS_BODY_LIMIT_BYTES } from '@/lib/tools/schemas';

/** The command builder: the form's fields in, the command with its errors, warnings and explained flags out. */
export function POST(request: NextRequest) {
  return handleRequest('tools/cli', 'Could not build the command. Try again.', async () => {
    const input = await readJsonBody(request, CliRequest, TOOLS_BODY_LIMIT_BYTES);
    return jsonOk({ ok: true, ...buildCliCommand(input) });
  });
}
