/**
 * How a Memcached reply reaches the console: memcached's bytes with CRLF shown as newlines and the
 * final CRLF dropped (`VALUE user:1 0 3\nada\nEND`), `ok` false for ERROR, CLIENT_ERROR … and
 * SERVER_ERROR …, and lines the sandbox adds marked as its own: `(error) …` for a refusal,
 * `(note) …` for an explanation, `(noreply) …` for a command that asked memcached to stay silent.
 */
import type { ExecOutcome } from '@/lib/sandbox/execute';
import type { SandboxLimits } from '@/lib/sandbox/limits';
import { isErrorLine } from './reply-reader';

/** memcached's reply as the console shows it. */
export function consoleText(raw: Buffer | string): string {
  const text = typeof raw === 'string' ? raw : raw.toString('utf8');
  return text.replace(/\r\n$/, '').replace(/\r\n/g, '\n');
}

function outcome(
  ok: boolean,
  text: string,
  value: string,
  error: string | undefined,
  started: number,
  limits: SandboxLimits,
): ExecOutcome {
  const truncated = text.length > limits.maxReplyTextChars;
  const shown = truncated
    ? `${text.slice(0, limits.maxReplyTextChars)}\n… (reply cut at ${limits.maxReplyTextChars} characters: ask for fewer keys)`
    : text;
  return {
    kind: 'reply',
    body: {
      ok,
      text: shown,
      reply: truncated ? null : { type: 'text', value },
      ms: Math.round((performance.now() - started) * 100) / 100,
      ...(error === undefined ? {} : { error }),
      ...(truncated ? { truncated } : {}),
    },
  };
}

/** A reply from memcached (or in its exact words), with an optional note line after it. */
export function serverAnswer(
  raw: Buffer | string,
  lastLine: string,
  started: number,
  limits: SandboxLimits,
  note?: string,
): ExecOutcome {
  const text = consoleText(raw);
  const failed = isErrorLine(lastLine);
  return outcome(!failed, note ? `${text}\n${note}` : text, text, failed ? lastLine : undefined, started, limits);
}

/** Text the sandbox writes itself (the Memcached `help`), ok or not. */
export function sandboxText(text: string, ok: boolean, started: number, limits: SandboxLimits): ExecOutcome {
  return outcome(ok, text, text, ok ? undefined : text, started, limits);
}

/** A command the sandbox answers itself without running it. */
export function sandboxRefusal(message: string, started: number, limits: SandboxLimits): ExecOutcome {
  const text = `(error) ${message}`;
  return outcome(false, text, text, message, started, limits);
}

/**
 * A command sent with `noreply`: memcached would answer nothing, so the console says so, and shows
 * what it would have answered (the sandbox sends it without noreply to know where replies end).
 */
export function noreplyAnswer(
  raw: Buffer | string,
  lastLine: string,
  started: number,
  limits: SandboxLimits,
): ExecOutcome {
  if (isErrorLine(lastLine)) return serverAnswer(raw, lastLine, started, limits);
  const text = `(noreply) memcached sends no reply to this command; without noreply it would have answered: ${consoleText(raw)}`;
  return outcome(true, text, '', undefined, started, limits);
}
