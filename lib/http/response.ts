/**
 * The shapes every API route answers with, so that clients see one error format:
 * `{ ok: false, error: "<what happened and what to do>", code: "<machine-readable>" }`.
 * Routes throw AppErrors (lib/errors.ts); `handleRequest` and the learner frame turn them into
 * that shape with the status their code maps to.
 */
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { AppError } from '@/lib/errors';
import { isConnectionError } from '@/lib/valkey/connections';
import { writeRefusalError } from '@/lib/valkey/write-refusal';
import { assertJsonWriteFromOwnOrigin, readBodyText } from './request-checks';

export function jsonOk(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}

export function errorResponse(error: AppError): NextResponse {
  const body = {
    ok: false,
    code: error.code,
    error: error.message,
    ...(error.text === undefined ? {} : { text: error.text }),
  };
  const response = NextResponse.json(body, { status: error.status, headers: { 'Cache-Control': 'no-store' } });
  if (error.retryAfterSeconds !== undefined) response.headers.set('Retry-After', String(error.retryAfterSeconds));
  // The rest of a refused upload is left unread: close the connection rather than keep it for another request.
  if (error.code === 'payload_too_large') response.headers.set('Connection', 'close');
  return response;
}

/**
 * The answer to anything a route threw: an AppError says what happened; a Valkey connection that
 * dropped mid-request is a 503 like a server that is down, and so is Valkey refusing writes (full,
 * read-only: lib/valkey/write-refusal.ts); anything else is logged with the route
 * and answered with the route's short, honest 500 message (never a stack trace).
 */
export function failureResponse(error: unknown, route: string, failureMessage: string): NextResponse {
  if (error instanceof AppError) return errorResponse(error);
  if (isConnectionError(error)) {
    const message = `Keyspace lost its connection to Valkey (${error.message}). Try again in a moment.`;
    return errorResponse(new AppError('unavailable', message, { text: `(error) ${message}` }));
  }
  const refused = writeRefusalError(error);
  if (refused) {
    console.error(`[${route}] ${refused.message}`);
    return errorResponse(refused);
  }
  console.error(`[${route}]`, error);
  return errorResponse(new AppError('internal', failureMessage));
}

/** The frame for routes that do not need the learner: run the work, answer any failure as above. */
export async function handleRequest(
  route: string,
  failureMessage: string,
  handle: () => Promise<NextResponse>,
): Promise<NextResponse> {
  try {
    return await handle();
  } catch (error) {
    return failureResponse(error, route, failureMessage);
  }
}

function invalid(what: string, error: z.ZodError): AppError {
  const issue = error.issues[0];
  const where = issue?.path.length ? `"${issue.path.join('.')}": ` : '';
  return new AppError('bad_request', `Invalid ${what}: ${where}${issue?.message ?? 'invalid'}.`);
}

/**
 * Reads a JSON body of at most `maxBytes` and validates it; throws the AppError to answer with:
 * 403 from another site, 415 not sent as JSON, 413 too large (nothing past the limit is read), 400.
 */
export async function readJsonBody<T>(request: Request, schema: z.ZodType<T>, maxBytes: number): Promise<T> {
  assertJsonWriteFromOwnOrigin(request);
  const text = await readBodyText(request, maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'The request body must be JSON, for example {"command": "PING"}.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw invalid('request body', parsed.error);
  return parsed.data;
}

/**
 * Reads the query string and validates it like a body; throws a 400 that names the parameter.
 * Each parameter is given to the schema as a string (the last one when it is repeated).
 */
export function readQuery<T>(request: Request, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw invalid('query', parsed.error);
  return parsed.data;
}

/** A JSON body the browser saves as a file (export routes). */
export function jsonDownload(body: unknown, filename: string): NextResponse {
  const response = jsonOk(body);
  response.headers.set('Content-Disposition', `attachment; filename="${filename}"`);
  return response;
}
