/**
 * A loopback TCP proxy that holds every chunk a client sends for `delayMs` before passing it on to
 * the server, and passes replies straight back: each request/reply exchange takes `delayMs` longer,
 * as it would with the application and its cache in different Availability Zones. A request that
 * travels in one go (a pipeline, an MGET) pays the delay once; N requests that each wait for their
 * reply pay it N times. That difference is the whole point of the pipelining experiment, so the
 * delay is on the wire, not a timer in the experiment's own loop.
 */
import 'server-only';
import net from 'node:net';

export interface LatencyProxy {
  /** The loopback port to connect to instead of the server's. */
  port: number;
  /** The mean delay the proxy really added to a chunk so far, in milliseconds (timers fire a little late). */
  measuredDelayMs(): number;
  /** Closes the listener and every connection through it. */
  close(): Promise<void>;
}

export async function startLatencyProxy(targetPort: number, delayMs: number): Promise<LatencyProxy> {
  const sockets = new Set<net.Socket>();
  let delayed = 0;
  let delayedTotalMs = 0;

  const server = net.createServer((client) => {
    const upstream = net.connect({ host: '127.0.0.1', port: targetPort });
    for (const socket of [client, upstream]) {
      socket.setNoDelay(true);
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    }
    // Node fires timers of one duration in the order they were set, so chunks reach the server in order.
    client.on('data', (chunk) => {
      const arrived = performance.now();
      setTimeout(() => {
        delayed += 1;
        delayedTotalMs += performance.now() - arrived;
        if (!upstream.destroyed) upstream.write(chunk);
      }, delayMs);
    });
    upstream.pipe(client);
    // Either side going away ends the other: the client sees its connection close, as it would on a network.
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the latency proxy has no TCP port');

  return {
    port: address.port,
    measuredDelayMs: () => (delayed === 0 ? 0 : delayedTotalMs / delayed),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
