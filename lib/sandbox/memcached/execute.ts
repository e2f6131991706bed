import 'server-only';
/**
 * Runs one console entry on the sandbox Memcached for one learner: judged by its command name
 * (commands.ts), keys given the learner's prefix (key-mapping.ts), storage commands checked and
 * budgeted by the app before anything is sent (entry.ts, budget.ts), and the reply shown as
 * memcached sent it, keys without the prefix (answer.ts).
 */
import type { ExecOutcome } from '@/lib/sandbox/execute';
import { hasLearnerSession, learnerSession, makeRoomForLearner, recordActivity } from '@/lib/sandbox/learners';
import type { SandboxLimits } from '@/lib/sandbox/limits';
import { noreplyAnswer, sandboxRefusal, sandboxText, serverAnswer } from './answer';
import { counterSizeFromReply, reserveIncrement, reserveWrite, sizeAfterWrite } from './budget';
import { memcachedRule, refusalMessage, statsGroupRefusal, type MemcachedRule } from './commands';
import { memcachedRequest } from './connection';
import { applyDueFlush, learnerFlushAll, learnerStats } from './emulate';
import { memcachedHelp } from './help';
import { readStorageEntry, splitEntry, tokenize, type StorageCommand, type Token } from './entry';
import { forgetKeys, indexedSizes, indexName, recordSize } from './key-index';
import { keyTooLongNote, learnerKeyLimit, mapKey, memcachedKeyPrefix, unmapValueKeys } from './key-mapping';

const CRLF = Buffer.from('\r\n');
const BAD_FORMAT = 'CLIENT_ERROR bad command line format';
const SPACE = Buffer.from(' ');

const rejected = (status: 400 | 413 | 429, error: string, retryAfterSeconds?: number): ExecOutcome => ({
  kind: 'rejected',
  status,
  error,
  text: `(error) ${error}`,
  ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
});

/** A command line rebuilt from tokens, the keys among them (by position) given the learner's prefix. */
function commandLine(
  learnerId: string,
  tokens: readonly Token[],
  line: Buffer,
  isKey: (position: number) => boolean,
): Buffer {
  const parts: Buffer[] = [];
  tokens.forEach((token, position) => {
    if (position > 0) parts.push(SPACE);
    const bytes = line.subarray(token.start, token.end);
    parts.push(isKey(position) ? mapKey(learnerId, bytes) : bytes);
  });
  parts.push(CRLF);
  return Buffer.concat(parts);
}

async function runStorage(
  learnerId: string,
  command: StorageCommand,
  started: number,
  limits: SandboxLimits,
): Promise<ExecOutcome> {
  const reserved = await reserveWrite(learnerId, command.command, command.key, command.data.length, limits);
  if ('refusal' in reserved) return sandboxRefusal(reserved.refusal, started, limits);
  const cas = command.casUnique === null ? '' : ` ${command.casUnique}`;
  const header = `${command.flags} ${command.exptime} ${command.data.length}${cas}\r\n`;
  const bytes = Buffer.concat([
    Buffer.from(`${command.command} `),
    mapKey(learnerId, command.key),
    Buffer.from(` ${header}`),
    command.data,
    CRLF,
  ]);
  const reply = await memcachedRequest(bytes, 'line');
  const size = sizeAfterWrite(command.command, reply.lastLine, reserved.previous, command.data.length);
  if (size !== null) await recordSize(learnerId, command.key, size);
  else if (reserved.previous === undefined) await forgetKeys(learnerId, [command.key]);
  else await recordSize(learnerId, command.key, reserved.previous);
  return command.noreply
    ? noreplyAnswer(reply.raw, reply.lastLine, started, limits)
    : serverAnswer(reply.raw, reply.lastLine, started, limits);
}

/** incr/decr/delete/touch: the key at token 1, `noreply` honoured by the console (noreplyAnswer). */
async function runSingleKey(
  learnerId: string,
  name: string,
  tokens: Token[],
  line: Buffer,
  started: number,
  limits: SandboxLimits,
): Promise<ExecOutcome> {
  const noreply = tokens.length > 2 && tokens[tokens.length - 1]?.text === 'noreply';
  const sent = noreply ? tokens.slice(0, -1) : tokens;
  const key = tokens[1] ? line.subarray(tokens[1].start, tokens[1].end) : null;
  const counter = name === 'incr' || name === 'decr';
  // Only incr can grow a value (decr's result is never longer): room for it is reserved first.
  let previous: number | undefined;
  if (key && counter) {
    const reserved =
      name === 'incr' && sent.length >= 3
        ? await reserveIncrement(learnerId, key, sent[2]?.text ?? '', limits)
        : { previous: (await indexedSizes(learnerId)).get(indexName(key)) };
    if ('refusal' in reserved) return sandboxRefusal(reserved.refusal, started, limits);
    previous = reserved.previous;
  }
  const reply = await memcachedRequest(
    commandLine(learnerId, sent, line, (position) => position === 1),
    'line',
  );
  if (key && name === 'delete' && (reply.lastLine === 'DELETED' || reply.lastLine === 'NOT_FOUND'))
    await forgetKeys(learnerId, [key]);
  if (key && counter && previous !== undefined) {
    const size = counterSizeFromReply(reply.lastLine, previous);
    if (size !== null) await recordSize(learnerId, key, size);
    else if (reply.lastLine === 'NOT_FOUND') await forgetKeys(learnerId, [key]);
    else await recordSize(learnerId, key, previous); // an error: the value is unchanged
  }
  return noreply
    ? noreplyAnswer(reply.raw, reply.lastLine, started, limits)
    : serverAnswer(reply.raw, reply.lastLine, started, limits);
}

async function runRule(
  learnerId: string,
  rule: MemcachedRule,
  name: string,
  tokens: Token[],
  line: Buffer,
  rest: Buffer | null,
  started: number,
  limits: SandboxLimits,
): Promise<ExecOutcome> {
  const keyLimit = learnerKeyLimit(learnerId);
  // memcached's own reply to a key over 250 bytes, and why the limit is lower here (nothing is sent).
  const keyTooLong = (keys: readonly Token[]) =>
    keys.some((token) => token.end - token.start > keyLimit)
      ? serverAnswer(BAD_FORMAT, BAD_FORMAT, started, limits, keyTooLongNote(learnerId))
      : null;
  switch (rule.kind) {
    case 'storage': {
      const read = readStorageEntry(name, line, rest, keyLimit);
      if ('sandbox' in read) return sandboxRefusal(read.sandbox, started, limits);
      if ('reply' in read)
        return serverAnswer(
          read.reply,
          read.reply,
          started,
          limits,
          read.keyTooLong ? keyTooLongNote(learnerId) : undefined,
        );
      return runStorage(learnerId, read, started, limits);
    }
    case 'retrieval': {
      const tooLong = keyTooLong(tokens.slice(rule.firstKey));
      if (tooLong) return tooLong;
      const sent = commandLine(learnerId, tokens, line, (position) => position >= rule.firstKey);
      const reply = await memcachedRequest(sent, 'values');
      return serverAnswer(unmapValueKeys(reply.raw, memcachedKeyPrefix(learnerId)), reply.lastLine, started, limits);
    }
    case 'single-key': {
      return keyTooLong(tokens.slice(1, 2)) ?? runSingleKey(learnerId, name, tokens, line, started, limits);
    }
    case 'version': {
      const reply = await memcachedRequest(Buffer.from('version\r\n'), 'line');
      return serverAnswer(reply.raw, reply.lastLine, started, limits);
    }
    case 'stats': {
      const group = tokens[1]?.text;
      if (group === undefined) return serverAnswer(await learnerStats(learnerId, limits), 'END', started, limits);
      const why = statsGroupRefusal(group);
      return why
        ? sandboxRefusal(refusalMessage(`stats ${group}`, why), started, limits)
        : serverAnswer('ERROR\r\n', 'ERROR', started, limits);
    }
    case 'flush_all': {
      const { reply, noreply } = await learnerFlushAll(learnerId, tokens);
      return noreply
        ? noreplyAnswer(`${reply}\r\n`, reply, started, limits)
        : serverAnswer(`${reply}\r\n`, reply, started, limits);
    }
    case 'help': {
      const help = memcachedHelp(tokens.slice(1).map((token) => token.text));
      return sandboxText(help.text, help.ok, started, limits);
    }
    case 'refused':
      return sandboxRefusal(refusalMessage(name, rule.why), started, limits);
  }
}

/**
 * Runs one console entry, as typed at telnet/nc, for one learner. Throws MemcachedUnavailableError
 * (a 503) when memcached cannot be reached; every other problem is an answer.
 */
export async function executeMemcachedLine(
  learnerId: string,
  entry: string,
  limits: SandboxLimits,
): Promise<ExecOutcome> {
  const started = performance.now();
  const bytes = Buffer.from(entry, 'utf8');
  if (bytes.length > limits.maxLineBytes)
    return rejected(413, `command too long: the limit is ${limits.maxLineBytes / 1024} KB, data block included.`);
  const { line, rest } = splitEntry(bytes);
  const tokens = tokenize(line);
  const name = tokens[0]?.text ?? '';
  const rule = memcachedRule(name);
  if (!rule) return serverAnswer('ERROR\r\n', 'ERROR', started, limits); // memcached's answer to an unknown command
  if (rule.kind === 'refused') return sandboxRefusal(refusalMessage(name, rule.why), started, limits);
  // A NUL ends the line for memcached's parser, so keys after it would not be the keys the app indexed.
  if (bytes.includes(0))
    return sandboxRefusal(
      'the sandbox refuses NUL bytes in an entry: memcached would cut the line there.',
      started,
      limits,
    );
  if (rule.kind !== 'storage' && rest !== null && rest.length > 0 && !/^\r?\n?$/.test(rest.toString('latin1')))
    return sandboxRefusal(
      'one command per entry: only a storage command (set, add, replace, append, prepend, cas) takes a second line, its data block.',
      started,
      limits,
    );
  if (tokens.length > limits.maxArguments)
    return rejected(413, `too many keys or arguments: the limit is ${limits.maxArguments}.`);

  if (!hasLearnerSession(learnerId) && !makeRoomForLearner(limits.maxLearners))
    return rejected(429, 'the sandbox is full right now: try again in a minute.', 60);
  const session = learnerSession(learnerId);
  if (session.busy) return rejected(429, 'another command of yours is still running: wait for its reply.', 1);
  session.busy = true;
  try {
    const activity = recordActivity(session);
    if (activity) await activity;
    await applyDueFlush(learnerId);
    return await runRule(learnerId, rule, name, tokens, line, rest, started, limits);
  } finally {
    session.busy = false;
  }
}
