/**
 * A console's own subscriber connection: the second client a console is, as a second valkey-cli
 * would be, signed in as the learner's ACL user. It takes one command at a time and reads its
 * confirmations (one per channel named, as valkey-cli counts them); every message or invalidation
 * that arrives in between goes to `onPush`. Closing it ends every subscription it holds.
 */
import type net from 'node:net';
import { ConnectionLostError, CommandTimeoutError, connect, type SandboxTarget } from '../learner-connection';
import type { CliReply } from '../reply';
import { encodeCommand, RespReader } from '../resp-reader';
import { messageKind } from './channels';

interface PendingCommand {
  expected: number;
  replies: CliReply[];
  resolve(replies: CliReply[]): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export class SubscriberConnection {
  private readonly reader: RespReader;
  private pending: PendingCommand | null = null;
  private ended = false;
  /** The server's id of this connection (CLIENT ID), a REDIRECT target for client-side caching. */
  id = '';

  private constructor(
    private readonly socket: net.Socket,
    maxReplyBytes: number,
    private readonly onPush: (reply: CliReply) => void,
    private readonly onClose: (reason: string) => void,
  ) {
    this.reader = new RespReader(maxReplyBytes);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error) => this.fail(error.message));
    socket.on('close', () => this.fail('the server closed the connection'));
  }

  static async open(
    target: SandboxTarget,
    username: string,
    password: string,
    maxReplyBytes: number,
    onPush: (reply: CliReply) => void,
    onClose: (reason: string) => void,
  ): Promise<SubscriberConnection> {
    const socket = await connect(target);
    const connection = new SubscriberConnection(socket, maxReplyBytes, onPush, onClose);
    const [auth] = await connection.send([Buffer.from('AUTH'), Buffer.from(username), Buffer.from(password)]);
    if (auth?.type !== 'status') {
      connection.close();
      throw new ConnectionLostError(`could not sign in as ${username}`);
    }
    const [id] = await connection.send([Buffer.from('CLIENT'), Buffer.from('ID')]);
    connection.id = id?.type === 'integer' ? id.value : '';
    return connection;
  }

  get isOpen(): boolean {
    return !this.ended;
  }

  /** Sends one command; resolves with its `expected` replies (fewer if the server answers an error). */
  send(args: readonly Buffer[], expected = 1, timeoutMs = 5_000): Promise<CliReply[]> {
    if (this.ended) return Promise.reject(new ConnectionLostError('the live connection is closed'));
    if (this.pending) return Promise.reject(new Error('SubscriberConnection.send called while a command is in flight'));
    return new Promise<CliReply[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = null;
        reject(new CommandTimeoutError(`no reply within ${timeoutMs} ms`));
        this.close();
      }, timeoutMs);
      this.pending = { expected, replies: [], resolve, reject, timer };
      this.socket.write(encodeCommand(args));
    });
  }

  close(): void {
    this.fail('closed');
  }

  private receive(chunk: Buffer): void {
    let replies: CliReply[];
    try {
      replies = this.reader.push(chunk);
    } catch (error) {
      this.fail((error as Error).message);
      return;
    }
    for (const reply of replies) {
      const pending = this.pending;
      // Messages are never confirmations (valkey-cli skips them the same way while it waits).
      if (!pending || messageKind(reply)) {
        this.onPush(reply);
        continue;
      }
      pending.replies.push(reply);
      if (reply.type === 'error' || pending.replies.length >= pending.expected) {
        clearTimeout(pending.timer);
        this.pending = null;
        pending.resolve(pending.replies);
      }
    }
  }

  private fail(reason: string): void {
    if (this.ended) return;
    this.ended = true;
    this.socket.destroy();
    const pending = this.pending;
    this.pending = null;
    if (pending) {
      clearTimeout(pending.timer);
      pending.reject(new ConnectionLostError(reason));
    }
    this.onClose(reason);
  }
}
