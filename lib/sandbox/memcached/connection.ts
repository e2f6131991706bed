import 'server-only';
/**
 * The app's connections to the sandbox Memcached: a few long-lived raw sockets (the console needs
 * the exact bytes memcached sends, which a client library would parse away), each signing in with
 * memcached's ASCII authentication when KEYSPACE_MEMCACHED_URL carries a user and password.
 * Requests on one socket are pipelined: memcached answers in order, and readReplyFrame finds where
 * each reply ends by the protocol. A timeout or a reply out of step drops the socket (its framing
 * can no longer be trusted) and fails what was in flight on it; the next request opens a new one.
 */
import net from 'node:net';
import { keyspaceEnv } from '@/lib/config/env';
import { AppError } from '@/lib/errors';
import { readReplyFrame, type ReplyShape } from './reply-reader';

const POOL_SIZE = 4;
const CONNECT_TIMEOUT_MS = 3_000;
export const REQUEST_TIMEOUT_MS = 5_000;
/** A reply larger than this drops the socket: a learner's whole budget fits many times over. */
const MAX_REPLY_BYTES = 8 * 1024 * 1024;

/** The sandbox Memcached is not configured, not answering, or refused the app's sign-in: a 503. */
export class MemcachedUnavailableError extends AppError {
  constructor(readonly detail: string) {
    const message = 'The sandbox Memcached is unavailable. Try again in a moment.';
    super('unavailable', message, { text: `(error) ${message}` });
    this.name = 'MemcachedUnavailableError';
  }
}

let lastLogged = '';
/** Operators see why memcached is unavailable (the learner sees only that it is); each distinct reason once. */
function logUnavailable(error: MemcachedUnavailableError): void {
  if (error.detail === lastLogged) return;
  lastLogged = error.detail;
  console.error(`[memcached] ${error.detail}`);
}

/** One reply: its raw bytes (CRLFs included) and its last line. */
export interface MemcachedReply {
  raw: Buffer;
  lastLine: string;
}

interface Pending {
  shape: ReplyShape;
  resolve: (reply: MemcachedReply) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface Endpoint {
  host: string;
  port: number;
  user: string;
  password: string;
}

function memcachedEndpoint(): Endpoint {
  const raw = keyspaceEnv().KEYSPACE_MEMCACHED_URL;
  if (!raw) throw new MemcachedUnavailableError('KEYSPACE_MEMCACHED_URL is not set.');
  const url = new URL(raw);
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port || 11211),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  };
}

class MemcachedSocket {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly pending: Pending[] = [];
  private closed = false;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error) => this.fail(new MemcachedUnavailableError(error.message)));
    socket.on('close', () => this.fail(new MemcachedUnavailableError('memcached closed the connection.')));
  }

  static async open(endpoint: Endpoint): Promise<MemcachedSocket> {
    const socket = await new Promise<net.Socket>((resolve, reject) => {
      const connecting = net.connect({ host: endpoint.host, port: endpoint.port, noDelay: true });
      const timer = setTimeout(() => {
        connecting.destroy();
        reject(new MemcachedUnavailableError(`no connection to ${endpoint.host}:${endpoint.port} in time.`));
      }, CONNECT_TIMEOUT_MS);
      connecting.once('connect', () => {
        clearTimeout(timer);
        resolve(connecting);
      });
      connecting.once('error', (error) => {
        clearTimeout(timer);
        reject(new MemcachedUnavailableError(error.message));
      });
    });
    const connection = new MemcachedSocket(socket);
    if (endpoint.user) {
      // memcached -Y: the credentials go as a set whose data block is "<user> <password>".
      const secret = Buffer.from(`${endpoint.user} ${endpoint.password}`);
      const header = Buffer.from(`set ${endpoint.user} 0 0 ${secret.length}\r\n`);
      const reply = await connection.request(Buffer.concat([header, secret, Buffer.from('\r\n')]), 'line');
      if (reply.lastLine !== 'STORED') {
        connection.close();
        throw new MemcachedUnavailableError(`memcached refused the app's sign-in: ${reply.lastLine}`);
      }
    }
    return connection;
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  get inFlight(): number {
    return this.pending.length;
  }

  request(bytes: Buffer, shape: ReplyShape, timeoutMs = REQUEST_TIMEOUT_MS): Promise<MemcachedReply> {
    if (this.closed) return Promise.reject(new MemcachedUnavailableError('the connection is closed.'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => this.fail(new MemcachedUnavailableError(`memcached did not answer within ${timeoutMs} ms.`)),
        timeoutMs,
      );
      this.pending.push({ shape, resolve, reject, timer });
      this.socket.write(bytes);
    });
  }

  close(): void {
    this.fail(new MemcachedUnavailableError('the connection was closed.'));
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    try {
      while (this.pending.length > 0) {
        const head = this.pending[0] as Pending;
        const frame = readReplyFrame(this.buffer, head.shape);
        if (!frame) break;
        this.pending.shift();
        clearTimeout(head.timer);
        head.resolve({ raw: this.buffer.subarray(0, frame.length), lastLine: frame.lastLine });
        this.buffer = this.buffer.subarray(frame.length);
      }
      if (this.buffer.length > MAX_REPLY_BYTES) throw new Error('a reply larger than the sandbox reads.');
      if (this.pending.length === 0 && this.buffer.length > 0) throw new Error('bytes no request asked for.');
    } catch (error) {
      this.fail(new MemcachedUnavailableError(`memcached reply out of step: ${(error as Error).message}`));
    }
  }

  /** Drops the socket and fails every request in flight on it: their replies can no longer be matched. */
  private fail(error: MemcachedUnavailableError): void {
    if (!this.closed && this.pending.length > 0) logUnavailable(error);
    if (!this.closed) {
      this.closed = true;
      this.socket.destroy();
    }
    for (const waiting of this.pending.splice(0)) {
      clearTimeout(waiting.timer);
      waiting.reject(error);
    }
  }
}

// Kept on globalThis so that hot reload in development reuses the sockets instead of leaking them.
const registry = globalThis as typeof globalThis & {
  keyspaceMemcached?: { url: string; slots: (Promise<MemcachedSocket> | null)[]; next: number };
};

function pool(): NonNullable<typeof registry.keyspaceMemcached> {
  const url = keyspaceEnv().KEYSPACE_MEMCACHED_URL ?? '';
  if (registry.keyspaceMemcached?.url !== url) {
    closeMemcachedConnections();
    registry.keyspaceMemcached = { url, slots: Array.from({ length: POOL_SIZE }, () => null), next: 0 };
  }
  return registry.keyspaceMemcached;
}

async function socketFor(slot: number): Promise<MemcachedSocket> {
  const slots = pool().slots;
  const current = slots[slot];
  if (current) {
    const socket = await current.catch(() => null);
    if (socket?.isOpen) return socket;
    if (slots[slot] !== current) return socketFor(slot); // another request is reopening it
  }
  const opening = MemcachedSocket.open(memcachedEndpoint());
  slots[slot] = opening;
  opening.then(
    () => (lastLogged = ''),
    (error: unknown) => {
      if (error instanceof MemcachedUnavailableError) logUnavailable(error);
      if (slots[slot] === opening) slots[slot] = null;
    },
  );
  return opening;
}

/**
 * Sends bytes that form exactly one request and resolves with its reply. Rejects with
 * MemcachedUnavailableError (a 503) when memcached cannot be reached or answers out of step.
 */
export async function memcachedRequest(bytes: Buffer, shape: ReplyShape): Promise<MemcachedReply> {
  const state = pool();
  const slot = state.next;
  state.next = (state.next + 1) % POOL_SIZE;
  return (await socketFor(slot)).request(bytes, shape);
}

/** Sends several one-reply requests on one socket at once (pipelined), for walks over a learner's keys. */
export async function memcachedRequests(requests: readonly Buffer[], shape: ReplyShape): Promise<MemcachedReply[]> {
  if (requests.length === 0) return [];
  const state = pool();
  const slot = state.next;
  state.next = (state.next + 1) % POOL_SIZE;
  const socket = await socketFor(slot);
  return Promise.all(requests.map((bytes) => socket.request(bytes, shape)));
}

/** Closes every socket (tests, and a changed KEYSPACE_MEMCACHED_URL). */
export function closeMemcachedConnections(): void {
  const state = registry.keyspaceMemcached;
  if (!state) return;
  for (const slot of state.slots) void slot?.then((socket) => socket.close()).catch(() => {});
  registry.keyspaceMemcached = undefined;
}
