/**
 * One learner's own connection to the sandbox Valkey, signed in as that learner's ACL user.
 * Own connections give each learner their own MULTI/WATCH state and let a blocking command wait
 * without holding anyone else up. Commands go out as RESP arrays (never inline text), one at a
 * time; a timeout or an oversized reply destroys the connection rather than resending anything.
 */
import net from 'node:net';
import tls from 'node:tls';
import type { CliReply } from './reply';
import { encodeCommand, ReplyTooLargeError, RespReader } from './resp-reader';

export interface SandboxTarget {
  host: string;
  port: number;
  tls: boolean;
  ca?: Buffer;
}

export class ConnectionLostError extends Error {
  override name = 'ConnectionLostError';
}

export class CommandTimeoutError extends Error {
  override name = 'CommandTimeoutError';
}

/** How long the TCP connect (and, with TLS, the handshake) may take. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Connects, and with TLS finishes the handshake. Errors reject until then: with TLS, `connect`
 * only means TCP is up, and a handshake error or timeout after it must still settle the promise
 * (otherwise the learner's command never ends and they stay "busy" for good).
 */
export function connect(target: SandboxTarget): Promise<net.Socket> {
  const where = `${target.tls ? 'TLS connection' : 'connection'} to ${target.host}:${target.port}`;
  return new Promise<net.Socket>((resolve, reject) => {
    const socket = target.tls
      ? tls.connect({ host: target.host, port: target.port, servername: target.host, ca: target.ca })
      : net.connect({ host: target.host, port: target.port });
    // These stay attached but do nothing once connected, so that no error is ever left without a
    // listener before the LearnerConnection attaches its own (after an await).
    let connected = false;
    const onError = (error: Error) => {
      if (connected) return;
      socket.destroy();
      // OpenSSL's errors carry a short `reason` ("wrong version number") under a long message.
      const reason = (error as { reason?: unknown }).reason;
      reject(new ConnectionLostError(`${where} failed: ${typeof reason === 'string' ? reason : error.message}`));
    };
    const onClose = () => onError(new Error('the server closed the connection'));
    socket.setNoDelay(true);
    socket.setTimeout(CONNECT_TIMEOUT_MS, () =>
      onError(new Error(`no ${target.tls ? 'TLS handshake' : 'connection'} within ${CONNECT_TIMEOUT_MS / 1000} s`)),
    );
    socket.once('error', onError);
    socket.once('close', onClose);
    socket.once(target.tls ? 'secureConnect' : 'connect', () => {
      connected = true;
      socket.setTimeout(0);
      resolve(socket);
    });
  });
}

export class LearnerConnection {
  /** Connections waiting for a reply, so that a hung server's commands can all be failed at once. */
  private static readonly waiting = new Set<LearnerConnection>();

  /**
   * Fails every command in flight (and drops its connection): the watchdog's hook. With a target,
   * only the connections to that server (one engine's server may hang while the other answers).
   */
  static abortInFlight(error: Error, target?: Pick<SandboxTarget, 'host' | 'port'>): void {
    for (const connection of LearnerConnection.waiting) {
      if (!target || (connection.target.host === target.host && connection.target.port === target.port))
        connection.fail(error);
    }
  }

  private readonly reader: RespReader;
  private pending: { resolve(reply: CliReply): void; reject(error: Error): void; timer: NodeJS.Timeout } | null = null;
  private ended = false;

  private constructor(
    private readonly socket: net.Socket,
    private readonly target: SandboxTarget,
    maxReplyBytes: number,
  ) {
    this.reader = new RespReader(maxReplyBytes);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error) => this.fail(new ConnectionLostError(error.message)));
    socket.on('close', () => this.fail(new ConnectionLostError('the connection to the sandbox closed')));
  }

  static async open(
    target: SandboxTarget,
    username: string,
    password: string,
    maxReplyBytes: number,
  ): Promise<LearnerConnection> {
    const socket = await connect(target);
    const connection = new LearnerConnection(socket, target, maxReplyBytes);
    const auth = await connection.send([Buffer.from('AUTH'), Buffer.from(username), Buffer.from(password)], 5_000);
    if (auth.type !== 'status') {
      connection.close();
      throw new ConnectionLostError(
        `could not sign in as ${username}: ${auth.type === 'error' ? auth.value : auth.type}`,
      );
    }
    return connection;
  }

  get isOpen(): boolean {
    return !this.ended;
  }

  /** Whether a command was sent and its reply is awaited. */
  get isWaiting(): boolean {
    return this.pending !== null;
  }

  /** Sends one command and waits for its reply. Callers send one command at a time. */
  send(args: readonly Buffer[], timeoutMs: number): Promise<CliReply> {
    if (this.ended) return Promise.reject(new ConnectionLostError('the connection to the sandbox is closed'));
    if (this.pending) return Promise.reject(new Error('LearnerConnection.send called while a command is in flight'));
    return new Promise<CliReply>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new CommandTimeoutError(`no reply within ${timeoutMs} ms`)), timeoutMs);
      this.pending = { resolve, reject, timer };
      LearnerConnection.waiting.add(this);
      this.socket.write(encodeCommand(args));
    });
  }

  close(): void {
    this.ended = true;
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    let replies: CliReply[];
    try {
      replies = this.reader.push(chunk);
    } catch (error) {
      this.fail(error instanceof ReplyTooLargeError ? error : new ConnectionLostError((error as Error).message));
      return;
    }
    for (const reply of replies) {
      const pending = this.pending;
      if (!pending) continue;
      clearTimeout(pending.timer);
      this.pending = null;
      LearnerConnection.waiting.delete(this);
      pending.resolve(reply);
    }
  }

  private fail(error: Error): void {
    const wasOpen = !this.ended;
    this.ended = true;
    if (wasOpen) this.socket.destroy();
    const pending = this.pending;
    this.pending = null;
    LearnerConnection.waiting.delete(this);
    if (pending) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
  }
}
