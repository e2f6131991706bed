/**
 * The browser's one way to call Keyspace's JSON API: it always resolves, with either the body or a
 * sentence saying what went wrong (the server's own message when it sent one).
 */
export type ApiResult<T> = ({ ok: true } & T) | { ok: false; error: string };

export async function callApi<T>(path: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  try {
    const response = await fetch(path, { credentials: 'same-origin', cache: 'no-store', ...init });
    const body = (await response.json().catch(() => null)) as ({ ok?: boolean; error?: string } & T) | null;
    if (response.ok && body && body.ok !== false) return { ...body, ok: true };
    if (body?.error) return { ok: false, error: body.error };
    if (response.status === 429) return { ok: false, error: `Too many requests. Try again in ${response.headers.get('Retry-After') ?? 'a few'} seconds.` };
    if (response.status === 503) return { ok: false, error: 'Keyspace cannot reach its database right now. Try again in a moment.' };
    return { ok: false, error: `The server answered with HTTP ${response.status}. Try again in a moment.` };
  } catch {
    return { ok: false, error: 'Could not reach Keyspace. Check your connection and try again.' };
  }
}

export const postJson = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
