/** Moves a command's key arguments into the learner's namespace, and takes the prefix off again. */
import { runRule } from './command-table';
import type { CliReply } from './reply';

export function rewriteKeys(args: readonly Buffer[], keyIndexes: readonly number[], prefix: string): Buffer[] {
  const rewritten = [...args];
  const prefixBytes = Buffer.from(prefix);
  for (const index of keyIndexes) {
    const key = args[index];
    if (key) rewritten[index] = Buffer.concat([prefixBytes, key]);
  }
  return rewritten;
}

export function stripPrefix(key: Buffer, prefix: string): Buffer {
  const prefixBytes = Buffer.from(prefix);
  return key.subarray(0, prefixBytes.length).equals(prefixBytes) ? key.subarray(prefixBytes.length) : key;
}

/**
 * Takes the learner's prefix off the key names a reply carries: BLPOP & co. answer with the key
 * they popped from, XREAD with each stream's key, EXEC with the replies of its queued commands
 * (which command does which is its `replyKeys` in command-table.ts). Values are never touched. Error messages that quote a key lose the prefix wherever it appears.
 */
export function stripKeysInReply(
  command: string,
  reply: CliReply,
  prefix: string,
  queued: readonly string[] = [],
): CliReply {
  if (reply.type === 'error') return { type: 'error', value: reply.value.split(prefix).join('') };
  if (reply.type !== 'array') return reply;
  const items = reply.value;
  const stripFirst = (item: CliReply | undefined): CliReply | undefined =>
    item?.type === 'bulk' ? { type: 'bulk', value: stripPrefix(item.value, prefix) } : item;
  switch (runRule(command)?.replyKeys) {
    case 'first-item':
      return { type: 'array', value: items.map((item, index) => (index === 0 ? stripFirst(item)! : item)) };
    case 'each-stream-name':
      return {
        type: 'array',
        value: items.map((stream) =>
          stream.type === 'array'
            ? { type: 'array', value: stream.value.map((part, index) => (index === 0 ? stripFirst(part)! : part)) }
            : stream,
        ),
      };
    case 'queued-replies':
      return { type: 'array', value: items.map((item, index) => stripKeysInReply(queued[index] ?? '', item, prefix)) };
    case undefined:
      return reply;
  }
}
