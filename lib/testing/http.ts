/** Requests to route handlers as Next.js makes them, for route tests on real Valkey. */
import { NextRequest } from 'next/server';
import { LEARNER_COOKIE } from '@/lib/sandbox/learner';

/** GET without a body, POST with one (an object is sent as JSON, a string as is), with any extra headers. */
export function learnerRequest(
  path: string,
  cookie?: string,
  body?: unknown,
  headers: Record<string, string> = {},
): NextRequest {
  return new NextRequest(`http://localhost${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    headers: {
      'content-type': 'application/json',
      ...(cookie ? { cookie: `${LEARNER_COOKIE}=${cookie}` } : {}),
      ...headers,
    },
  });
}

/** The learner cookie a response issued (`<id>.<signature>`), if any. */
export const issuedCookie = (response: Response): string | undefined =>
  /=([a-z0-9]{12}\.[\w-]{32});/.exec(response.headers.get('set-cookie') ?? '')?.[1];
