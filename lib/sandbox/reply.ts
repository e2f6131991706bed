/**
 * A Valkey reply as the sandbox carries it from the server to the learner.
 *
 * RESP2 distinguishes status replies (`+OK`) from bulk strings (`$2\r\nOK`), and valkey-cli
 * prints them differently (`OK` versus `"OK"`), so the two are separate variants here.
 * Integers stay decimal strings: a 64-bit counter does not fit in a JavaScript number.
 */
export type CliReply =
  | { type: 'status'; value: Buffer }
  | { type: 'error'; value: string }
  | { type: 'integer'; value: string }
  | { type: 'bulk'; value: Buffer }
  | { type: 'nil' }
  | { type: 'array'; value: CliReply[] };

/**
 * The reply as plain JSON for API clients: strings, numbers-as-strings, null, arrays; a Memcached
 * reply is its text (lib/sandbox/memcached/answer.ts).
 */
export type JsonReply =
  string | null | { error: string } | { integer: string } | { type: 'text'; value: string } | JsonReply[];

export function replyToJson(reply: CliReply): JsonReply {
  switch (reply.type) {
    case 'status':
    case 'bulk':
      return reply.value.toString('utf8');
    case 'error':
      return { error: reply.value };
    case 'integer':
      return { integer: reply.value };
    case 'nil':
      return null;
    case 'array':
      return reply.value.map(replyToJson);
  }
}
