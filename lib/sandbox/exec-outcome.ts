/** How a RESP engine's reply becomes the exec route's answer: the text valkey-cli would print, cut to the limit. */
import 'server-only';
import type { ExecReply } from './api-types';
import { formatReply } from './format';
import { printsRaw, WAIT_HINT } from './introspection';
import type { SandboxLimits } from './limits';
import { replyToJson, type CliReply } from './reply';

/** A command that got a verdict (HTTP 200), or a line the sandbox would not even parse. */
export type ExecOutcome =
  | { kind: 'reply'; body: ExecReply }
  | { kind: 'rejected'; status: 400 | 413 | 429; error: string; text: string; retryAfterSeconds?: number };

/** How valkey-cli prints a reply: raw for INFO and CLIENT INFO (introspection.ts), else as on a terminal. */
function replyText(reply: CliReply, args: readonly Buffer[]): string {
  const name = (args[0] as Buffer).toString('utf8').toLowerCase();
  if (printsRaw(name, args) && reply.type === 'bulk') return reply.value.toString('utf8').replace(/\n$/, '');
  if (printsRaw(name, args) && reply.type === 'error') return reply.value;
  const text = formatReply(reply);
  // WAIT for replicas answers at once: say where replicas are (WAIT 0 … prints exactly as Valkey's).
  const waitsForReplicas = name === 'wait' && reply.type === 'integer' && Number(args[1]?.toString()) > 0;
  return waitsForReplicas ? `${text}\n${WAIT_HINT}` : text;
}

export function answer(
  reply: CliReply,
  started: number,
  limits: SandboxLimits,
  args: readonly Buffer[] = [],
): ExecOutcome {
  const isError = reply.type === 'error';
  let text = args.length > 0 ? replyText(reply, args) : formatReply(reply);
  const truncated = text.length > limits.maxReplyTextChars;
  if (truncated) {
    text = `${text.slice(0, limits.maxReplyTextChars)}\n… (reply cut at ${limits.maxReplyTextChars} characters: ask for less, for example LRANGE key 0 99)`;
  }
  return {
    kind: 'reply',
    body: {
      ok: !isError,
      text,
      reply: truncated ? null : replyToJson(reply),
      ms: Math.round((performance.now() - started) * 100) / 100,
      ...(isError ? { error: reply.value } : {}),
      ...(truncated ? { truncated } : {}),
    },
  };
}
