/**
 * A plain socket to the test Memcached, signed in as the app signs in, for tests that compare the
 * sandbox's replies with what memcached itself sends for the same bytes.
 */
import net from 'node:net';
import { readReplyFrame, type ReplyShape } from './reply-reader';

export interface RawMemcached {
  /** Sends bytes and resolves with the next whole reply of that shape, as bytes (latin1 text). */
  send(bytes: string, shape?: ReplyShape): Promise<string>;
  close(): void;
}

export async function openRawMemcached(url = process.env.KEYSPACE_MEMCACHED_URL): Promise<RawMemcached> {
  if (!url) throw new Error('KEYSPACE_MEMCACHED_URL is not set');
  const { hostname, port, username, password } = new URL(url);
  const socket = net.connect({ host: hostname, port: Number(port) });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let buffer = Buffer.alloc(0);
  let waiting: (() => void) | null = null;
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    waiting?.();
  });
  const send = async (bytes: string, shape: ReplyShape = 'line'): Promise<string> => {
    socket.write(Buffer.from(bytes, 'utf8'));
    for (;;) {
      const frame = readReplyFrame(buffer, shape);
      if (frame) {
        const reply = buffer.subarray(0, frame.length);
        buffer = buffer.subarray(frame.length);
        return reply.toString('utf8');
      }
      await new Promise<void>((resolve) => (waiting = resolve));
    }
  };
  if (username) {
    const secret = `${decodeURIComponent(username)} ${decodeURIComponent(password)}`;
    const signedIn = await send(`set ${username} 0 0 ${Buffer.byteLength(secret)}\r\n${secret}\r\n`);
    if (signedIn !== 'STORED\r\n') throw new Error(`memcached sign-in failed: ${signedIn}`);
  }
  return { send, close: () => socket.destroy() };
}
