/**
 * A console entry read as memcached reads its text protocol: the command line split on spaces (the
 * only separator memcached knows: tabs and other control bytes belong to the token), and for a
 * storage command its data block, either on the following line(s) (`set user:1 0 60 3` newline
 * `ada`) or after the header on the same line (`set user:1 0 60 3 ada`, split by the declared byte
 * count). Pure: no server, so every rule is unit-tested.
 */

export interface Token {
  text: string;
  /** Byte offsets of the token in the line (UTF-8). */
  start: number;
  end: number;
}

/** Splits like memcached's tokenize_command: runs of spaces separate tokens, nothing else does. */
export function tokenize(line: Buffer): Token[] {
  const tokens: Token[] = [];
  let start = -1;
  for (let i = 0; i <= line.length; i++) {
    const isSpace = i === line.length || line[i] === 0x20;
    if (isSpace && start >= 0) {
      tokens.push({ text: line.toString('utf8', start, i), start, end: i });
      start = -1;
    } else if (!isSpace && start < 0) start = i;
  }
  return tokens;
}

/** The first line of an entry (one trailing CR dropped, as memcached drops it) and what follows it. */
export function splitEntry(entry: Buffer): { line: Buffer; rest: Buffer | null } {
  const newline = entry.indexOf(0x0a);
  const line = newline < 0 ? entry : entry.subarray(0, newline);
  const trimmed = line.length > 0 && line[line.length - 1] === 0x0d ? line.subarray(0, -1) : line;
  return { line: trimmed, rest: newline < 0 ? null : entry.subarray(newline + 1) };
}

const UINT64_MAX = (1n << 64n) - 1n;
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
/** strtol's leading white space (isspace), then an optional sign and decimal digits. */
const NUMBER_START = /^[\t\n\v\f\r ]*([+-]?)(\d+)/;

function leadingNumber(text: string): { sign: string; digits: bigint; rest: string } | null {
  const match = NUMBER_START.exec(text);
  if (!match) return null;
  const rest = text.slice(match[0].length);
  // memcached accepts a number followed by white space or nothing, never other characters.
  if (rest !== '' && !/^[\t\n\v\f\r ]/.test(rest)) return null;
  return { sign: match[1] ?? '', digits: BigInt(match[2] ?? '0'), rest };
}

/** memcached's safe_strtoull: an unsigned 64-bit number (a negative one only when it wraps to a small value). */
export function parseUnsigned64(text: string): bigint | null {
  const number = leadingNumber(text);
  if (!number || number.digits > UINT64_MAX) return null;
  if (number.sign !== '-') return number.digits;
  const wrapped = (UINT64_MAX + 1n - number.digits) & UINT64_MAX;
  return wrapped > INT64_MAX ? null : wrapped;
}

/** memcached's safe_strtoul for a 32-bit field (flags): the 64-bit value, truncated as C truncates it. */
export function parseUnsigned32(text: string): number | null {
  const value = parseUnsigned64(text);
  return value === null ? null : Number(value & 0xffffffffn);
}

/** memcached's safe_strtol for a 32-bit field (exptime, byte count): a 64-bit long, truncated to 32 bits. */
export function parseSigned32(text: string): number | null {
  const number = leadingNumber(text);
  if (!number) return null;
  const value = number.sign === '-' ? -number.digits : number.digits;
  if (value < INT64_MIN || value > INT64_MAX) return null;
  return Number(BigInt.asIntN(32, value));
}

export const STORAGE_COMMANDS = new Set(['set', 'add', 'replace', 'append', 'prepend', 'cas']);

/** A storage command ready to send: its header fields in canonical form and its data block. */
export interface StorageCommand {
  command: string;
  key: Buffer;
  flags: number;
  exptime: number;
  data: Buffer;
  casUnique: bigint | null;
  noreply: boolean;
}

/** What memcached answers (keyTooLong: because of the sandbox's key prefix), or the sandbox says, instead. */
export type StorageRefusal = { reply: string; keyTooLong?: boolean } | { sandbox: string };

const BAD_FORMAT = { reply: 'CLIENT_ERROR bad command line format' };

/** The data block after the header: the rest of the entry, one trailing line break forgiven. */
function dataBlock(rest: Buffer, bytes: number): Buffer | null {
  if (rest.length === bytes) return rest;
  const crlf = rest.length === bytes + 2 && rest[bytes] === 0x0d && rest[bytes + 1] === 0x0a;
  const lf = rest.length === bytes + 1 && rest[bytes] === 0x0a;
  return crlf || lf ? rest.subarray(0, bytes) : null;
}

/**
 * Reads a storage entry (set/add/replace/append/prepend/cas) with memcached's own checks, in its
 * order: the token count (ERROR), the numbers (CLIENT_ERROR bad command line format), then the data
 * block's length (CLIENT_ERROR bad data chunk). Only a command that passes is ever sent, rebuilt
 * from these fields: a header memcached refused would leave the data block to be run as a command.
 */
export function readStorageEntry(
  command: string,
  line: Buffer,
  rest: Buffer | null,
  maxKeyBytes: number,
): StorageCommand | StorageRefusal {
  const tokens = tokenize(line);
  const headerTokens = command === 'cas' ? 6 : 5;
  if (tokens.length < headerTokens) return { reply: 'ERROR' };
  if (rest !== null && tokens.length > headerTokens + 1) return { reply: 'ERROR' };
  const keyToken = tokens[1] as Token;
  if (keyToken.end - keyToken.start > maxKeyBytes) return { ...BAD_FORMAT, keyTooLong: true };
  let extra = tokens.slice(headerTokens);
  const header = tokens.slice(0, headerTokens).map((token) => token.text);
  const flags = parseUnsigned32(header[2] ?? '');
  const exptime = parseSigned32(header[3] ?? '');
  const bytes = parseSigned32(header[4] ?? '');
  const casUnique = command === 'cas' ? parseUnsigned64(header[5] ?? '') : null;
  let data: Buffer | null;
  let noreply: boolean;
  if (rest !== null) {
    // On its own line, memcached's token count applies: one optional token (noreply, or ignored).
    noreply = extra[0]?.text === 'noreply';
    if (flags === null || exptime === null || bytes === null) return BAD_FORMAT;
    if (command === 'cas' && casUnique === null) return BAD_FORMAT;
    if (bytes < 0) return BAD_FORMAT;
    data = dataBlock(rest, bytes);
  } else {
    // One line: `noreply` may come before the data; the data is what follows one space, byte-exact.
    noreply = extra[0]?.text === 'noreply' && !(extra.length === 1 && bytes === 7);
    if (noreply) extra = extra.slice(1);
    if (flags === null || exptime === null || bytes === null) return BAD_FORMAT;
    if (command === 'cas' && casUnique === null) return BAD_FORMAT;
    if (bytes < 0) return BAD_FORMAT;
    const after = (noreply ? tokens[headerTokens] : tokens[headerTokens - 1]) as Token;
    if (extra.length === 0 && bytes > 0) {
      return {
        sandbox: `${command} needs its data block of ${bytes} bytes: put it on the next line, or after the header on the same line (${command} key 0 0 3 ada).`,
      };
    }
    data = extra.length === 0 ? Buffer.alloc(0) : line.subarray(after.end + 1);
    if (data.length !== bytes) data = null;
  }
  if (data === null) return { reply: 'CLIENT_ERROR bad data chunk' };
  return {
    command,
    key: line.subarray(keyToken.start, keyToken.end),
    flags,
    exptime,
    data,
    casUnique,
    noreply,
  };
}
