/**
 * The browser's side of a console's live stream (GET /api/sandbox/live): reads the Server-Sent
 * Events with fetch rather than EventSource, so that an error answer can be read and shown and a
 * closed stream is never reopened behind the learner's back. Aborting the signal ends the stream,
 * and with it the console's subscriptions on the server.
 */
import type { SandboxEngine } from './engines';

/** The engines with pub/sub, so with live streams (Memcached has none). */
export type LiveEngine = Exclude<SandboxEngine, 'memcached'>;

export function isLiveEngine(engine: SandboxEngine): engine is LiveEngine {
  return engine !== 'memcached';
}

export type LiveStreamEvent =
  { event: 'ready'; connectionId: string } | { event: 'message' | 'notice' | 'end'; text: string };

/** Commands that need the console's live stream to be open before they are sent. */
export function needsLiveStream(command: string): boolean {
  const words = command.trim().toLowerCase().split(/\s+/);
  const [name, sub, mode] = words;
  if (name === 'subscribe' || name === 'psubscribe' || name === 'ssubscribe') return true;
  return name === 'client' && sub === 'tracking' && mode === 'on';
}

/** A console id for this page: random, made in the browser, unguessable by other learners. */
export function newConsoleId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

function parseBlock(block: string): LiveStreamEvent | null {
  const event = /^event: (.*)$/m.exec(block)?.[1];
  const data = /^data: (.*)$/m.exec(block)?.[1];
  if (!event || !data) return null; // a keep-alive comment
  try {
    return { event, ...(JSON.parse(data) as object) } as LiveStreamEvent;
  } catch {
    return null;
  }
}

/**
 * Opens the stream on an engine (Valkey or Redis OSS: its subscriber connection is on that engine's
 * server); resolves when it is ready (true) or could not open (the reason as text). Events after
 * `ready` go to `onEvent` until the stream ends (then one `end` event, always).
 */
export async function openLiveStream(
  consoleId: string,
  onEvent: (event: LiveStreamEvent) => void,
  signal: AbortSignal,
  engine: LiveEngine = 'valkey',
): Promise<true | string> {
  let response: Response;
  try {
    response = await fetch(`/api/sandbox/live?console=${encodeURIComponent(consoleId)}&engine=${engine}`, {
      cache: 'no-store',
      signal,
      headers: { Accept: 'text/event-stream' },
    });
  } catch {
    return '(error) Could not open the live console: check your connection and try again.';
  }
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as { text?: unknown; error?: unknown } | null;
    if (typeof body?.text === 'string') return body.text;
    return `(error) ${typeof body?.error === 'string' ? body.error : 'Could not open the live console. Try again.'}`;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  return new Promise<true | string>((resolve) => {
    let ready = false;
    let ended = false;
    const deliver = (event: LiveStreamEvent) => {
      if (event.event === 'ready') {
        ready = true;
        resolve(true);
        return;
      }
      if (event.event === 'end') ended = true;
      if (ready) onEvent(event);
      else if (event.event === 'end') resolve(`(error) ${event.text}`);
    };
    void (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const parsed = parseBlock(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
            if (parsed) deliver(parsed);
          }
        }
      } catch {
        // Aborted or cut off: said below.
      }
      if (!ended) deliver({ event: 'end', text: signal.aborted ? 'aborted' : 'the live connection was lost' });
      if (!ready) resolve('(error) Could not open the live console. Try again.');
    })();
  });
}
