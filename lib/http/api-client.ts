/**
 * The browser's one way to call Keyspace's JSON API: it always resolves (unless the caller aborts
 * it), with either the body or a sentence saying what went wrong (the server's own message when it
 * sent one). The sandbox console's client (lib/sandbox/api-client.ts) is built on the same calls.
 */
export type ApiResult<T> = ({ ok: true } & T) | { ok: false; error: string };

/** A JSON body as the API sends it: `ok`, and `error` when something went wrong. */
export type ApiBody = { ok?: boolean; error?: string } & Record<string, unknown>;

/** A response and its JSON body (null when it has none), or null when the server could not be reached. */
export type ApiAnswer = { response: Response; body: ApiBody | null } | null;

/**
 * The server refuses a POST (or any write) that is not sent as application/json, even one without a
 * body (reset, undo, "lesson read"): that is what keeps other sites' forms out. Add it when missing.
 */
function asJsonWrite(init: RequestInit): RequestInit {
  const method = (init.method ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD') return init;
  const headers = new Headers(init.headers);
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  return { ...init, headers };
}

/**
 * Runs a page's calls one at a time until one of them comes back with the learner's identity, then
 * lets every call run side by side. A new visitor has no learner cookie yet, and a page fires
 * several calls at once: each would be issued a new identity (each counted against the address's
 * allowance), and the last Set-Cookie would win, so a run started by one call was "someone else's"
 * to the next. A call that comes back without an identity (a route that issues none, such as the
 * lab's code listing) leaves the gate closed for the next; a call that fails opens it.
 */
export function firstCallAlone(
  carriesIdentity: (result: unknown) => boolean = () => true,
): <T>(call: () => Promise<T>) => Promise<T> {
  let open = false;
  let queue: Promise<void> = Promise.resolve();
  return async <T>(call: () => Promise<T>): Promise<T> => {
    if (open) return call();
    const previous = queue;
    let release!: () => void;
    queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    if (open) {
      release();
      return call();
    }
    try {
      const result = await call();
      if (carriesIdentity(result)) open = true;
      return result;
    } catch (error) {
      open = true;
      throw error;
    } finally {
      release();
    }
  };
}

/** The header a learner route sets: `known` once the browser holds (or was just given) a learner cookie. */
export const LEARNER_HEADER = 'x-keyspace-learner';

const pageCalls = firstCallAlone((answer) => (answer as ApiAnswer)?.response.headers.get(LEARNER_HEADER) === 'known');

/** One call, never rejecting except when the caller aborts it (so a stale request can be dropped). */
export function fetchApi(path: string, init: RequestInit = {}): Promise<ApiAnswer> {
  return pageCalls(() => fetchOnce(path, init));
}

async function fetchOnce(path: string, init: RequestInit): Promise<ApiAnswer> {
  try {
    const response = await fetch(path, { credentials: 'same-origin', cache: 'no-store', ...asJsonWrite(init) });
    const body = (await response.json().catch(() => null)) as unknown;
    return { response, body: typeof body === 'object' && body !== null ? (body as ApiBody) : null };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return null;
  }
}

/** One sentence for a failed call: the server's message when it sent one. */
export function failureMessage(answer: ApiAnswer): string {
  if (!answer) return 'Could not reach Keyspace. Check your connection and try again.';
  const { response, body } = answer;
  if (body?.error) return body.error;
  if (response.status === 429)
    return `Too many requests. Try again in ${response.headers.get('Retry-After') ?? 'a few'} seconds.`;
  if (response.status === 503) return 'Keyspace cannot reach its database right now. Try again in a moment.';
  return `The server answered with HTTP ${response.status}. Try again in a moment.`;
}

export async function callApi<T>(path: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  const answer = await fetchApi(path, init);
  if (answer?.response.ok && answer.body && answer.body.ok !== false) return { ...(answer.body as T), ok: true };
  return { ok: false, error: failureMessage(answer) };
}

export const postJson = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});
