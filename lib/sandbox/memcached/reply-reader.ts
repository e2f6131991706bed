/**
 * Where one Memcached text-protocol reply ends in a byte stream, read by the protocol itself (never
 * by waiting for the socket to go quiet): a single line, or VALUE blocks up to END, or STAT lines up
 * to END. An error line (ERROR, CLIENT_ERROR …, SERVER_ERROR …) ends a reply of any kind.
 */

/** How the reply to a request is shaped: what the reader waits for. */
export type ReplyShape = 'line' | 'values' | 'stats';

const CRLF = Buffer.from('\r\n');

/** Whether a reply line is one of memcached's three error replies. */
export function isErrorLine(line: string): boolean {
  return line === 'ERROR' || line.startsWith('CLIENT_ERROR') || line.startsWith('SERVER_ERROR');
}

/** One whole reply found at the start of `buffer`: its bytes and its last line (END, STORED, an error…). */
export interface ReplyFrame {
  length: number;
  lastLine: string;
}

/** VALUE <key> <flags> <bytes> [<cas unique>]: the data block's length (a key never holds a space). */
function valueBytes(line: string): number | null {
  const bytes = line.split(' ')[3];
  return bytes !== undefined && /^\d+$/.test(bytes) ? Number(bytes) : null;
}

/**
 * The first complete reply in `buffer`, or null while it is still arriving. Throws when the bytes
 * cannot be a reply of this shape: the connection is then out of step and must be dropped.
 */
export function readReplyFrame(buffer: Buffer, shape: ReplyShape): ReplyFrame | null {
  let offset = 0;
  for (;;) {
    const end = buffer.indexOf(CRLF, offset);
    if (end < 0) return null;
    const line = buffer.toString('latin1', offset, end);
    offset = end + 2;
    if (shape === 'line' || isErrorLine(line) || line === 'END') return { length: offset, lastLine: line };
    if (shape === 'values' && line.startsWith('VALUE ')) {
      const bytes = valueBytes(line);
      if (bytes === null) throw new Error(`memcached sent a malformed VALUE line: ${line.slice(0, 80)}`);
      if (buffer.length < offset + bytes + 2) return null;
      offset += bytes + 2;
      continue;
    }
    if (shape === 'stats' && line.startsWith('STAT ')) continue;
    throw new Error(`memcached sent an unexpected line: ${line.slice(0, 80)}`);
  }
}
