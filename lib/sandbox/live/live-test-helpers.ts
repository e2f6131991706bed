/** Test helpers for live consoles: open a stream and read its Server-Sent Events as they arrive. */
import type { RespEngine } from '../engine-routing';
import { executeLine } from '../execute';
import { replyText } from '@/lib/testing/sandbox';
import { openLiveStream } from './live-consoles';
import { liveLimits, type LiveLimits } from './live-limits';

export interface LiveEventRecord {
  event: string;
  text?: string;
  connectionId?: string;
}

export interface TestStream {
  events: LiveEventRecord[];
  abort(): void;
  /** Resolves with the first event (after those already seen) that matches, or fails after `timeoutMs`. */
  next(match: (event: LiveEventRecord) => boolean, timeoutMs?: number): Promise<LiveEventRecord>;
  texts(): string[];
}

export async function openTestStream(
  learner: string,
  consoleId: string,
  limits: Partial<LiveLimits> = {},
  engine: RespEngine = 'valkey',
): Promise<TestStream | string> {
  const controller = new AbortController();
  const outcome = await openLiveStream(learner, consoleId, controller.signal, { ...liveLimits(), ...limits }, engine);
  if (!outcome.ok) return outcome.error;
  const events: LiveEventRecord[] = [];
  const waiters = new Set<() => void>();
  const reader = outcome.stream.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) events.push({ event, ...(JSON.parse(data) as object) });
      }
      for (const wake of waiters) wake();
    }
  })();
  let seen = 0;
  return {
    events,
    abort: () => controller.abort(),
    texts: () => events.filter((e) => e.event === 'message').map((e) => e.text ?? ''),
    next(match, timeoutMs = 3_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const index = events.findIndex((event, i) => i >= seen && match(event));
          if (index < 0) return false;
          seen = index + 1;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(events[index]!);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching live event within ${timeoutMs} ms; got ${JSON.stringify(events)}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
  };
}

/** Runs a line from a console, as the browser sends it (to Valkey unless an engine is given). */
export async function runFrom(
  learner: string,
  consoleId: string | undefined,
  line: string,
  engine: RespEngine = 'valkey',
): Promise<string> {
  return replyText(await executeLine(learner, line, undefined, consoleId, engine));
}
