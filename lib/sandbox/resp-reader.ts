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

/** A connection keeps at most this much buffer between replies. */
const RETAINED_BUFFER_BYTES = 64 * 1024;

/** An array still being read: the elements so far and how many it will have. */
interface OpenArray {
  items: CliReply[];
  count: number;
}

/**
 * Feeds socket chunks in, hands complete replies out, in order. Parsing is incremental: each byte
 * is read once, and an array that spans chunks is resumed at its next element (open arrays are
 * kept on a stack), so a large reply costs time linear in its size however the socket splits it.
 * Only the bytes of the element being read are kept; elements already read are built replies.
 */
export class RespReader {
  private buffer: Buffer = Buffer.alloc(0);
  /** Unread bytes are buffer[start, end); space after end takes the next chunk without a copy. */
  private start = 0;
  private end = 0;
  private readonly open: OpenArray[] = [];
  /** Bytes already read of the reply in progress (its elements are on `open`). */
  private replyBytesRead = 0;

  constructor(private readonly maxReplyBytes: number) {}

  push(chunk: Buffer): CliReply[] {
    this.append(chunk);
    const replies: CliReply[] = [];
    for (;;) {
      const element = this.readElement();
      if (element === null) break;
      const reply = this.complete(element);
      if (reply) {
        replies.push(reply);
        this.replyBytesRead = 0;
      }
    }
    if (this.start === this.end) this.releaseBuffer();
    if (this.replyBytesRead + (this.end - this.start) > this.maxReplyBytes)
      throw new ReplyTooLargeError(this.maxReplyBytes);
    return replies;
  }

  /** Adds a chunk after the unread bytes, moving them to the front or growing (doubling) only when full. */
  private append(chunk: Buffer): void {
    const unread = this.end - this.start;
    if (this.end + chunk.length > this.buffer.length) {
      const needed = unread + chunk.length;
      const target =
        needed > this.buffer.length ? Buffer.allocUnsafe(Math.max(needed, this.buffer.length * 2)) : this.buffer;
      this.buffer.copy(target, 0, this.start, this.end);
      this.buffer = target;
      this.start = 0;
      this.end = unread;
    }
    this.end += chunk.copy(this.buffer, this.end);
  }

  /** Everything read: start over at the front, and give a large buffer back (a connection can idle for minutes). */
  private releaseBuffer(): void {
    this.start = 0;
    this.end = 0;
    if (this.buffer.length > RETAINED_BUFFER_BYTES) this.buffer = Buffer.alloc(0);
  }

  /**
   * Reads one element at `start`: a scalar, or an array header (which opens an array and yields
   * nothing yet, unless it is empty or nil). Null when its bytes have not all arrived.
   */
  private readElement(): CliReply | 'opened' | null {
    const buffer = this.buffer;
    const at = this.start;
    if (at >= this.end) return null;
    const lineEnd = buffer.indexOf(CR, at + 1);
    if (lineEnd < 0 || lineEnd + 1 >= this.end) return null;
    const line = buffer.subarray(at + 1, lineEnd);
    let next = lineEnd + 2;
    let element: CliReply | 'opened';
    switch (buffer[at]) {
      case 0x2b: // +
        element = { type: 'status', value: Buffer.from(line) };
        break;
      case 0x2d: // -
        element = { type: 'error', value: line.toString('utf8') };
        break;
      case 0x3a: // :
        element = { type: 'integer', value: line.toString('latin1') };
        break;
      case 0x24: {
        // $
        const length = Number(line.toString('latin1'));
        if (length < 0) {
          element = { type: 'nil' };
          break;
        }
        if (next + length + 2 > this.end) return null;
        element = { type: 'bulk', value: Buffer.from(buffer.subarray(next, next + length)) };
        next += length + 2;
        break;
      }
      case 0x2a: {
        // *
        const count = Number(line.toString('latin1'));
        if (count < 0) element = { type: 'nil' };
        else if (count === 0) element = { type: 'array', value: [] };
        else {
          this.open.push({ items: [], count });
          element = 'opened';
        }
        break;
      }
      default:
        throw new Error(`protocol error: unexpected byte 0x${buffer[at]?.toString(16)}`);
    }
    this.replyBytesRead += next - at;
    this.start = next;
    return element;
  }

  /** Adds an element to the innermost open array, closing every array it fills; a whole reply when done. */
  private complete(element: CliReply | 'opened'): CliReply | null {
    if (element === 'opened') return null;
    let done: CliReply = element;
    for (;;) {
      const parent = this.open.at(-1);
      if (!parent) return done;
      parent.items.push(done);
      if (parent.items.length < parent.count) return null;
      this.open.pop();
      done = { type: 'array', value: parent.items };
    }
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
