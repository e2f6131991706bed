import 'server-only';
import { getValkey, isConnectionError, ValkeyUnavailableError } from '@/lib/valkey/connections';
import { repliesWithStatus } from './commands';
import { runEmulated } from './emulate';
import { formatReply } from './format';
import { keyPrefix } from './learner';
import { parseCommandLine } from './parse';
import { judgeCommand } from './policy';
import { replyToJson, type CliReply, type JsonReply } from './reply';
import { rewriteKeys } from './rewrite';

export const MAX_LINE_BYTES = 16 * 1024;
export const MAX_ARGUMENTS = 100;

export interface ExecReply {
  ok: boolean;
  text: string;
  reply: JsonReply;
  ms: number;
  error?: string;
}

/** A command that got a verdict (HTTP 200), or a line the sandbox would not even parse. */
export type ExecOutcome =
  | { kind: 'reply'; body: ExecReply }
  | { kind: 'rejected'; status: 400 | 413; error: string; text: string };

const rejected = (status: 400 | 413, error: string, text = `(error) ${error}`): ExecOutcome => ({ kind: 'rejected', status, error, text });

/** Turns what ioredis resolved with (callBuffer, stringNumbers) into a typed reply. */
function toCliReply(raw: unknown, topLevelIsStatus: boolean): CliReply {
  if (raw === null || raw === undefined) return { type: 'nil' };
  if (Buffer.isBuffer(raw)) return { type: topLevelIsStatus ? 'status' : 'bulk', value: raw };
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'bigint') return { type: 'integer', value: String(raw) };
  if (Array.isArray(raw)) return { type: 'array', value: raw.map((item) => toCliReply(item, false)) };
  if (raw instanceof Error) return { type: 'error', value: raw.message };
  return { type: 'error', value: `ERR unexpected reply from the server` };
}

function answer(reply: CliReply, started: number): ExecOutcome {
  const isError = reply.type === 'error';
  return {
    kind: 'reply',
    body: {
      ok: !isError,
      text: formatReply(reply),
      reply: replyToJson(reply),
      ms: Math.round((performance.now() - started) * 100) / 100,
      ...(isError ? { error: reply.value } : {}),
    },
  };
}

/**
 * Runs one line, as typed at valkey-cli, for one learner. Throws ValkeyUnavailableError when the
 * sandbox server cannot be reached; every other problem is an answer.
 */
export async function executeLine(learnerId: string, line: string): Promise<ExecOutcome> {
  if (/[\r\n]/.test(line)) return rejected(400, 'ERR one command per line: send each command in its own request.');
  if (Buffer.byteLength(line) > MAX_LINE_BYTES) return rejected(413, `ERR command line too long: the limit is ${MAX_LINE_BYTES / 1024} KB.`);
  const parsed = parseCommandLine(line);
  if (!parsed.ok) return rejected(400, 'Invalid argument(s): unbalanced or misplaced quotes.', 'Invalid argument(s)');
  if (parsed.args.length === 0) return rejected(400, 'ERR empty command: type a command such as PING.');
  if (parsed.args.length > MAX_ARGUMENTS) return rejected(413, `ERR too many arguments: the limit is ${MAX_ARGUMENTS}.`);

  const started = performance.now();
  const nameBytes = parsed.args[0] as Buffer;
  const name = nameBytes.toString('utf8');
  const verdict = judgeCommand(name);
  if (verdict.action === 'refuse') return answer({ type: 'error', value: verdict.message }, started);

  const prefix = keyPrefix(learnerId);
  try {
    const client = await getValkey('sandbox');
    if (verdict.action === 'emulate') return answer(await runEmulated(client, verdict.command, parsed.args, prefix), started);
    const args = rewriteKeys(parsed.args, verdict.spec, prefix).slice(1);
    const lower = name.toLowerCase();
    const raw: unknown = await client.callBuffer(lower, ...args);
    return answer(toCliReply(raw, repliesWithStatus(lower, parsed.args)), started);
  } catch (error) {
    if (error instanceof ValkeyUnavailableError) throw error;
    if (isConnectionError(error)) {
      throw new ValkeyUnavailableError('sandbox', error instanceof Error ? error.message : String(error));
    }
    // A ReplyError: Valkey's own answer, shown exactly as valkey-cli would.
    return answer({ type: 'error', value: (error as Error).message }, started);
  }
}
