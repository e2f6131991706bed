/** Moves a command's key arguments into the learner's namespace, and takes the prefix off again. */
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
 * Takes the learner's prefix off key names inside a reply (BLPOP answers with the key it popped
 * from, also inside EXEC). Only bulk strings that start with the learner's own prefix change;
 * a learner never sees that prefix, so no value they typed can carry it by accident.
 */
export function stripPrefixInReply(reply: CliReply, prefix: string): CliReply {
  if (reply.type === 'bulk') return { type: 'bulk', value: stripPrefix(reply.value, prefix) };
  if (reply.type === 'array') return { type: 'array', value: reply.value.map((item) => stripPrefixInReply(item, prefix)) };
  return reply;
}
