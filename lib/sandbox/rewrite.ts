/** Moves a command's key arguments into the learner's namespace, and takes the prefix off again. */
import { keyPositions, type KeySpec } from './commands';

export function rewriteKeys(args: readonly Buffer[], spec: KeySpec, prefix: string): Buffer[] {
  const rewritten = [...args];
  const prefixBytes = Buffer.from(prefix);
  for (const index of keyPositions(spec, args.length)) {
    const key = args[index];
    if (key) rewritten[index] = Buffer.concat([prefixBytes, key]);
  }
  return rewritten;
}

export function stripPrefix(key: Buffer, prefix: string): Buffer {
  const prefixBytes = Buffer.from(prefix);
  return key.subarray(0, prefixBytes.length).equals(prefixBytes) ? key.subarray(prefixBytes.length) : key;
}
