/** The browser's side of POST /api/sandbox/exec: always resolves, never throws. */
export interface ConsoleEntry {
  id: number;
  command: string;
  /** What valkey-cli would print, or the reason the command could not run. */
  text: string;
  ok: boolean;
  ms?: number;
}

export type ExecResponse = { ok: boolean; text: string; ms?: number };

export async function sendCommand(command: string, signal?: AbortSignal): Promise<ExecResponse> {
  try {
    const response = await fetch('/api/sandbox/exec', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ command }),
      credentials: 'same-origin',
      signal,
    });
    const body = (await response.json().catch(() => null)) as { ok?: boolean; text?: string; error?: string; ms?: number } | null;
    if (body && typeof body.text === 'string') return { ok: body.ok === true, text: body.text, ms: body.ms };
    if (body?.error) return { ok: false, text: `(error) ${body.error}` };
    return { ok: false, text: `(error) The sandbox answered with HTTP ${response.status}. Try again in a moment.` };
  } catch {
    return { ok: false, text: '(error) Could not reach the sandbox. Check your connection and try again.' };
  }
}
