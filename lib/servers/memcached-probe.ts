/**
 * Asking a Memcached server its version over the text protocol: connect, authenticate when the URL
 * carries a user and password (memcached's ASCII auth, `-Y authfile`), then `version`. Used for the
 * local server's readiness (memcached-server.ts) and for `/api/health` (lib/valkey/health.ts).
 */
import net from 'node:net';

export interface MemcachedEndpoint {
  host: string;
  port: number;
  /** Both set, or neither (a server without ASCII auth). */
  user?: string;
  password?: string;
}

/** `memcached://user:password@host:port` → its parts; throws on anything else. */
export function parseMemcachedUrl(url: string): MemcachedEndpoint {
  const parsed = new URL(url);
  if (parsed.protocol !== 'memcached:') throw new Error(`Not a memcached:// URL: ${parsed.protocol}//…`);
  const port = Number(parsed.port || 11211);
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port,
    ...(user && password ? { user, password } : {}),
  };
}

/** The ASCII auth request: a `set` whose data block is "<user> <password>" (the key is ignored). */
export function authRequest(user: string, password: string): string {
  const credentials = `${user} ${password}`;
  return `set auth 0 0 ${Buffer.byteLength(credentials)}\r\n${credentials}\r\n`;
}

/**
 * Connects, authenticates if the URL says so, sends `version`; resolves to "1.6.18". Rejects with
 * the server's words (`CLIENT_ERROR authentication failure`), or on a timeout or a refused connection.
 */
export function memcachedVersion(url: string, timeoutMs = 1_000): Promise<string> {
  const endpoint = parseMemcachedUrl(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: endpoint.host, port: endpoint.port });
    let received = '';
    let authenticated = endpoint.user === undefined;
    const finish = (error: Error | null, version?: string) => {
      socket.destroy();
      if (error) reject(error);
      else resolve(version ?? '');
    };
    socket.setTimeout(timeoutMs, () => finish(new Error(`no answer from memcached within ${timeoutMs} ms`)));
    socket.once('error', (error) => finish(error));
    socket.once('connect', () => {
      // Auth first, on its own: memcached answers a pipelined command after a failed auth before the auth itself.
      socket.write(endpoint.user && endpoint.password ? authRequest(endpoint.user, endpoint.password) : 'version\r\n');
    });
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      let end: number;
      while ((end = received.indexOf('\r\n')) >= 0) {
        const line = received.slice(0, end);
        received = received.slice(end + 2);
        if (!authenticated) {
          if (line !== 'STORED') return finish(new Error(line || 'authentication failed'));
          authenticated = true;
          socket.write('version\r\n');
          continue;
        }
        const version = /^VERSION (\S+)/.exec(line)?.[1];
        return version ? finish(null, version) : finish(new Error(line || 'no VERSION reply'));
      }
    });
    socket.once('end', () => finish(new Error('memcached closed the connection')));
  });
}
