/**
 * Opening a learner's connection over TLS fails cleanly (review L6): a handshake error or a
 * handshake that never finishes rejects open() within the connect timeout, instead of leaving the
 * promise unsettled and the learner "busy" for good.
 */
import net from 'node:net';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { withEnv } from '@/lib/testing/env';
import { ValkeyUnavailableError } from '@/lib/valkey/connections';
import { closeSandbox, runText } from '@/lib/testing/sandbox';
import { executeLine } from './execute';
import { newLearnerId } from './learner';
import { ConnectionLostError, LearnerConnection } from './learner-connection';

afterAll(closeSandbox);

/** The test sandbox Valkey, which speaks plain TCP: it reads a TLS hello as an unfinished inline command. */
const plainValkey = () => {
  const url = new URL(inject('sandboxUrl'));
  return { host: url.hostname, port: Number(url.port) };
};

/** A TCP server on a free port that does `onConnection` with each client, closed by the returned function. */
async function tcpServer(
  onConnection: (socket: net.Socket) => void,
): Promise<{ port: number; close(): Promise<void> }> {
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => {}); // the client hanging up mid-handshake is expected here
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Opens and times a connection; resolves with what open() rejected with. */
async function failedOpen(host: string, port: number): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  try {
    const connection = await LearnerConnection.open({ host, port, tls: true }, 'nobody', 'secret', 1024);
    connection.close();
    throw new Error('open() succeeded against a server that does not speak TLS');
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
}

describe('LearnerConnection.open over TLS', () => {
  it('rejects at once with a clear error when the server answers something that is not TLS', async () => {
    const garbage = await tcpServer((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    try {
      const { error, ms } = await failedOpen('127.0.0.1', garbage.port);
      expect(error).toBeInstanceOf(ConnectionLostError);
      // OpenSSL's short reason ("wrong version number"), not its long error string.
      expect((error as Error).message).toMatch(
        new RegExp(`^TLS connection to 127.0.0.1:${garbage.port} failed: [a-z ]+$`),
      );
      expect(ms).toBeLessThan(4_000);
    } finally {
      await garbage.close();
    }
  });

  it('rejects when the handshake never finishes, at the 5 s connect timeout', { timeout: 15_000 }, async () => {
    const silent = await tcpServer(() => {}); // accepts, never answers
    try {
      const { error, ms } = await failedOpen('127.0.0.1', silent.port);
      expect(error).toBeInstanceOf(ConnectionLostError);
      expect((error as Error).message).toBe(
        `TLS connection to 127.0.0.1:${silent.port} failed: no TLS handshake within 5 s`,
      );
      expect(ms).toBeGreaterThanOrEqual(4_900);
      expect(ms).toBeLessThan(8_000);
    } finally {
      await silent.close();
    }
  });
});

describe('a learner whose TLS connection fails (rediss:// to a Valkey without TLS)', () => {
  it('gets an error each time, never "another command of yours is still running"', { timeout: 30_000 }, async () => {
    const learner = newLearnerId();
    expect(await runText(newLearnerId(), 'PING')).toBe('PONG'); // the shared admin client is up, on the real URL
    const { host, port } = plainValkey();
    await withEnv({ KEYSPACE_SANDBOX_URL: `rediss://${host}:${port}` }, async () => {
      for (let attempt = 0; attempt < 2; attempt++) {
        // The public message names the role only; where and why is the error's detail, for operators.
        const error = await executeLine(learner, 'PING').catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(ValkeyUnavailableError);
        expect((error as ValkeyUnavailableError).message).toMatch(/^The sandbox Valkey is unavailable\./);
        // Either this connection's own failure, or the watchdog's, which fails the same handshake.
        expect((error as ValkeyUnavailableError).detail).toMatch(
          new RegExp(`^TLS connection to ${host}:${port} failed|^no answer to PING`),
        );
      }
    });
    expect(await runText(learner, 'PING')).toBe('PONG'); // and with the plain URL back, it works
  });
});
