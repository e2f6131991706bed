/**
 * Valkey refusing a write on purpose, as opposed to a bug: full under `noeviction` (OOM), a
 * read-only replica (READONLY), or a server that cannot persist (MISCONF). The route frame answers
 * these with a 503 that names the cause (lib/http/response.ts), not a 500: the request was fine and
 * nothing was saved. ioredis reports a refused MULTI as EXECABORT with the causes in `previousErrors`.
 */
import { AppError } from '@/lib/errors';

const CAUSES = [
  { pattern: /^OOM\b/, state: 'full' },
  { pattern: /^READONLY\b/, state: 'read-only' },
  { pattern: /^MISCONF\b/, state: 'unable to write to its disk' },
] as const;

function refusalOf(error: unknown): { state: string; reply: string } | null {
  if (!(error instanceof Error)) return null;
  for (const { pattern, state } of CAUSES)
    // Scripts add " script: <sha>, on @user_script:<line>." to the server's reply.
    if (pattern.test(error.message)) return { state, reply: error.message.replace(/ script: .*$/, '') };
  const previous = (error as { previousErrors?: unknown }).previousErrors;
  if (Array.isArray(previous)) for (const cause of previous) if (refusalOf(cause)) return refusalOf(cause);
  return null;
}

/** The 503 to answer with when Valkey refused a write, or null for any other error. */
export function writeRefusalError(error: unknown): AppError | null {
  const refusal = refusalOf(error);
  if (!refusal) return null;
  const message = `Keyspace cannot save right now: its data Valkey is ${refusal.state} (${refusal.reply}). Nothing was saved; try again later.`;
  return new AppError('unavailable', message, { text: `(error) ${message}`, cause: error });
}
