/**
 * What a request must pass before a route does any work for it: a state-changing request is JSON
 * and comes from the app's own pages (CSRF), and a body is read only up to the route's limit.
 * Next.js puts no size limit on route handler bodies (next.js#57501), so this is the only one.
 */
import 'server-only';
import { keyspaceEnv } from '@/lib/config/env';
import { AppError } from '@/lib/errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `<host>[:port]` of a URL string, or null when it is not one (the `Origin: null` of sandboxed frames). */
function hostOf(url: string): string | null {
  return URL.canParse(url) ? new URL(url).host.toLowerCase() : null;
}

/**
 * The hosts this request may come from: the `Host` the browser addressed (an attacker's page cannot
 * change it: the victim's browser sets it), the server's own address (Next.js builds request.url
 * from the host and port it listens on, not from Host) and, behind a trusted proxy that rewrites
 * Host, the `X-Forwarded-Host` it passes on. The scheme is not compared: TLS usually ends at the
 * proxy, so the app sees http:// where the browser's Origin says https://.
 */
function ownHosts(request: Request): string[] {
  const hosts = [new URL(request.url).host];
  const host = request.headers.get('host');
  if (host) hosts.push(host);
  const forwarded = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  if (forwarded && keyspaceEnv().KEYSPACE_TRUST_PROXY) hosts.push(forwarded);
  return hosts.map((entry) => entry.toLowerCase());
}

/**
 * Refuses a state-changing request (any method but GET/HEAD/OPTIONS) that another site could have
 * sent with the learner's cookie:
 * - an `Origin` header that is not the app's own: 403. Browsers send Origin with every POST; a
 *   request without one (curl, scripts, server-to-server) carries no browser's cookie by accident;
 * - a Content-Type other than application/json: 415, also for routes that take no body. A page on
 *   another site can only send JSON after a CORS preflight, which this app never grants, so a plain
 *   HTML form or a "simple" fetch cannot reach a route even where SameSite=Lax lets the cookie go
 *   (a sibling subdomain is same-site).
 */
export function assertJsonWriteFromOwnOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const origin = request.headers.get('origin');
  if (origin !== null) {
    const host = hostOf(origin);
    if (host === null || !ownHosts(request).includes(host))
      throw new AppError(
        'forbidden',
        'Cross-site request refused: this API only accepts requests from Keyspace’s own pages.',
      );
  }
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json')
    throw new AppError(
      'unsupported_media_type',
      'Send the request with "Content-Type: application/json" (the body, if any, as JSON).',
    );
}

function bodyTooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', `Request body too large: the limit is ${Math.round(maxBytes / 1024)} KB.`);
}

/**
 * The body as text, read chunk by chunk with a running byte count: a declared Content-Length over
 * `maxBytes` is refused before anything is read, and a chunked upload is refused at the chunk that
 * crosses the limit. The rest of the upload is never read: the reader is released, not cancelled
 * (cancelling destroys the socket before the 413 can be sent), and the 413 closes the connection.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw bodyTooLarge(maxBytes);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) throw bodyTooLarge(maxBytes);
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks).toString('utf8');
}
