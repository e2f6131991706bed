/**
 * Renders a reply the way valkey-cli 8 prints it on a terminal (cliFormatReplyTTY in
 * valkey's src/valkey-cli.c), minus the final newline.
 */
import type { CliReply } from './reply';

const NAMED_ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x5c, '\\\\'],
  [0x22, '\\"'],
  [0x0a, '\\n'],
  [0x0d, '\\r'],
  [0x09, '\\t'],
  [0x07, '\\a'],
  [0x08, '\\b'],
]);

/** sdscatrepr: printable ASCII as is, everything else escaped, so the result is pure ASCII. */
export function repr(bytes: Buffer): string {
  const parts: string[] = ['"'];
  for (const byte of bytes) {
    const named = NAMED_ESCAPES.get(byte);
    if (named !== undefined) parts.push(named);
    else if (byte >= 0x20 && byte <= 0x7e) parts.push(String.fromCharCode(byte));
    else parts.push(`\\x${byte.toString(16).padStart(2, '0')}`);
  }
  parts.push('"');
  return parts.join('');
}

// valkey-cli prints status and error text with C string functions, which stop at a NUL.
function untilNul(text: string): string {
  const nul = text.indexOf('\0');
  return nul === -1 ? text : text.slice(0, nul);
}

function formatArray(items: CliReply[], prefix: string): string {
  if (items.length === 0) return '(empty array)\n';
  const width = String(items.length).length;
  const childPrefix = prefix + ' '.repeat(width + 2);
  let out = '';
  items.forEach((item, i) => {
    // The first element goes on the line the parent already started with its own index.
    out += `${i === 0 ? '' : prefix}${String(i + 1).padStart(width)}) ${formatTty(item, childPrefix)}`;
  });
  return out;
}

function formatTty(reply: CliReply, prefix: string): string {
  switch (reply.type) {
    case 'status':
      return `${untilNul(reply.value.toString('utf8'))}\n`;
    case 'error':
      return `(error) ${untilNul(reply.value)}\n`;
    case 'integer':
      return `(integer) ${reply.value}\n`;
    case 'bulk':
      return `${repr(reply.value)}\n`;
    case 'nil':
      return '(nil)\n';
    case 'array':
      return formatArray(reply.value, prefix);
  }
}

export function formatReply(reply: CliReply): string {
  return formatTty(reply, '').slice(0, -1);
}
