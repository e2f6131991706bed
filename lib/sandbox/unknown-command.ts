/** Up to `max` bytes of an argument, stopping at a NUL byte as the server's `%.*s` does. */
function clipped(bytes: Buffer, max: number): Buffer {
  const nul = bytes.indexOf(0);
  return bytes.subarray(0, Math.min(nul < 0 ? bytes.length : nul, max));
}

/**
 * Valkey's own answer to a command it does not have, byte for byte (server.c, processCommand): the
 * name cut at 128 bytes, then each argument quoted and followed by a space until 128 bytes of them
 * are shown, with CR and LF turned into spaces. A learner must learn to read this line, so only
 * commands that exist and are refused on purpose get a Keyspace message.
 */
export function unknownCommandMessage(args: readonly Buffer[]): string {
  let shown = Buffer.alloc(0);
  for (let i = 1; i < args.length && shown.length < 128; i++) {
    shown = Buffer.concat([shown, Buffer.from("'"), clipped(args[i]!, 128 - shown.length), Buffer.from("' ")]);
  }
  const name = clipped(args[0] ?? Buffer.alloc(0), 128);
  const line = Buffer.concat([
    Buffer.from("ERR unknown command '"),
    name,
    Buffer.from("', with args beginning with: "),
    shown,
  ]);
  return line.toString('utf8').replace(/[\r\n]/g, ' ');
}
