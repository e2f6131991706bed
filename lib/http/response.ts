/**
 * The shapes every API route answers with, so that clients see one error format:
 * `{ ok: false, error: "<what happened and what to do>", code: "<machine-readable>" }`.
 */
import { NextResponse } from 'next/server';
import type { z } from 'zod';

export type ErrorCode = 'bad_request' | 'not_found' | 'payload_too_large' | 'rate_limited' | 'unavailable' | 'internal';

export function jsonError(status: number, code: ErrorCode, error: string, extra: Record<string, unknown> = {}): NextResponse {
  return NextResponse.json({ ok: false, code, error, ...extra }, { status, headers: { 'Cache-Control': 'no-store' } });
}

export function jsonOk(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** Reads a JSON body and validates it; on failure returns the 400 response to send. */
export async function readJsonBody<T>(request: Request, schema: z.ZodType<T>, maxBytes: number): Promise<{ ok: true; data: T } | { ok: false; response: NextResponse }> {
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) {
    return { ok: false, response: jsonError(413, 'payload_too_large', `Request body too large: the limit is ${Math.round(maxBytes / 1024)} KB.`) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, response: jsonError(400, 'bad_request', 'The request body must be JSON, for example {"command": "PING"}.') };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `"${issue.path.join('.')}": ` : '';
    return { ok: false, response: jsonError(400, 'bad_request', `Invalid request body: ${where}${issue?.message ?? 'invalid'}.`) };
  }
  return { ok: true, data: parsed.data };
}

/** A JSON body the browser saves as a file (export routes). */
export function jsonDownload(body: unknown, filename: string): NextResponse {
  const response = jsonOk(body);
  response.headers.set('Content-Disposition', `attachment; filename="${filename}"`);
  return response;
}
