/**
 * A RESP2 reply reader that keeps what client libraries throw away: whether a string came as a
 * status (`+OK`) or a bulk string (`$2 OK`), and integers as exact decimal strings. valkey-cli
 * prints those differently, so the sandbox must know them (ioredis maps both to the same bytes).
 */
import type { CliReply } from './reply';

/** Thrown when a reply grows past the limit; the connection must then be dropped. */
export class ReplyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`reply larger than ${limitBytes} bytes`);
    this.name = 'ReplyTooLargeError';
  }
}

const CR = 13;
type Parsed = { reply: CliReply; next: number } | null;

function readLine(buffer: Buffer, start: number): { line: Buffer; next: number } | null {
  const end = buffer.indexOf(CR, start);
  if (end < 0 || end + 1 >= buffer.length) return null;
  return { line: buffer.subarray(start, end), next: end + 2 };
}

function parseAt(buffer: Buffer, offset: number): Parsed {
  if (offset >= buffer.length) return null;
  const head = readLine(buffer, offset + 1);
  if (!head) return null;
  const text = head.line.toString('latin1');
  switch (buffer[offset]) {
    case 0x2b: // +
      return { reply: { type: 'status', value: Buffer.from(head.line) }, next: head.next };
    case 0x2d: // -
      return { reply: { type: 'error', value: head.line.toString('utf8') }, next: head.next };
    case 0x3a: // :
      return { reply: { type: 'integer', value: text }, next: head.next };
    case 0x24: {
      // $
      const length = Number(text);
      if (length < 0) return { reply: { type: 'nil' }, next: head.next };
      if (head.next + length + 2 > buffer.length) return null;
      return {
        reply: { type: 'bulk', value: Buffer.from(buffer.subarray(head.next, head.next + length)) },
        next: head.next + length + 2,
      };
    }
    case 0x2a: {
      // *
      const count = Number(text);
      if (count < 0) return { reply: { type: 'nil' }, next: head.next };
      const items: CliReply[] = [];
      let next = head.next;
      for (let i = 0; i < count; i++) {
        const item = parseAt(buffer, next);
        if (!item) return null;
        items.push(item.reply);
        next = item.next;
      }
      return { reply: { type: 'array', value: items }, next };
    }
    default:
      throw new Error(`protocol error: unexpected byte 0x${buffer[offset]?.toString(16)}`);
  }
}

/** Feeds socket chunks in, hands complete replies out, in order. */
export class RespReader {
  private buffer: Buffer = Buffer.alloc(0);

  constructor(private readonly maxReplyBytes: number) {}

  push(chunk: Buffer): CliReply[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const replies: CliReply[] = [];
    let offset = 0;
    for (;;) {
      const parsed = parseAt(this.buffer, offset);
      if (!parsed) break;
      replies.push(parsed.reply);
      offset = parsed.next;
    }
    this.buffer = this.buffer.subarray(offset);
    if (this.buffer.length > this.maxReplyBytes) throw new ReplyTooLargeError(this.maxReplyBytes);
    return replies;
  }
}

/**
 * A command as RESP: always an array of bulk strings, so CR/LF inside arguments stay data.
 * Written into one buffer sized up front (this runs for every command a learner sends).
 */
export function encodeCommand(args: readonly Buffer[]): Buffer {
  const head = `*${args.length}\r\n`;
  const lengths = args.map((arg) => `$${arg.length}\r\n`);
  let size = head.length;
  for (let i = 0; i < args.length; i++) size += (lengths[i] as string).length + (args[i] as Buffer).length + 2;
  const out = Buffer.allocUnsafe(size);
  let at = out.write(head, 0, 'latin1');
  for (let i = 0; i < args.length; i++) {
    at += out.write(lengths[i] as string, at, 'latin1');
    at += (args[i] as Buffer).copy(out, at);
    out[at++] = 0x0d;
    out[at++] = 0x0a;
  }
  return out;
}
