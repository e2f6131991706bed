import type { SandboxLimits } from './limits';
import { parseCommandLine } from './parse';

/** A line the console refuses before sending anything: the status, the error and the text shown. */
export interface LineRejection {
  kind: 'rejected';
  status: 400 | 413;
  error: string;
  text: string;
}

const rejected = (status: 400 | 413, error: string, text = `(error) ${error}`): LineRejection => ({
  kind: 'rejected',
  status,
  error,
  text,
});

/**
 * One typed line, split as valkey-cli splits it, or why it cannot be sent: the sandbox console and
 * the lab console refuse the same lines with the same words (one command per line, the size and
 * argument limits, balanced quotes).
 */
export function readConsoleLine(
  line: string,
  limits: SandboxLimits,
): { ok: true; args: Buffer[] } | { ok: false; rejection: LineRejection } {
  const refuse = (rejection: LineRejection) => ({ ok: false as const, rejection });
  if (/[\r\n]/.test(line))
    return refuse(rejected(400, 'ERR one command per line: send each command in its own request.'));
  if (Buffer.byteLength(line) > limits.maxLineBytes)
    return refuse(rejected(413, `ERR command line too long: the limit is ${limits.maxLineBytes / 1024} KB.`));
  const parsed = parseCommandLine(line);
  if (!parsed.ok)
    return refuse(rejected(400, 'Invalid argument(s): unbalanced or misplaced quotes.', 'Invalid argument(s)'));
  if (parsed.args.length === 0) return refuse(rejected(400, 'ERR empty command: type a command such as PING.'));
  if (parsed.args.length > limits.maxArguments)
    return refuse(rejected(413, `ERR too many arguments: the limit is ${limits.maxArguments}.`));
  return { ok: true, args: parsed.args };
}
