import 'server-only';
/**
 * The address of the socket a request came in on. Next.js route handlers never see the socket:
 * Next only copies its address into X-Forwarded-For when the request has no such header
 * (`req.headers['x-forwarded-for'] ??= socket.remoteAddress`), so a client that sends its own
 * header hides it. instrumentation.ts installs this hook once per server process, before any
 * request: every HTTP(S) server of the process then stamps each request with the socket's address
 * in PEER_ADDRESS_HEADER, overwriting whatever a client sent under that name.
 */
import type { IncomingMessage } from 'node:http';
import net from 'node:net';

export const PEER_ADDRESS_HEADER = 'x-keyspace-peer-address';

const state = globalThis as typeof globalThis & { keyspacePeerAddressHook?: boolean };

export function installPeerAddressHook(): void {
  if (state.keyspacePeerAddressHook) return;
  // http.Server and https.Server (through tls.Server) both inherit emit from net.Server.
  type Emit = (this: net.Server, event: string | symbol, ...args: unknown[]) => boolean;
  const emit = net.Server.prototype.emit as Emit;
  const emitWithPeerAddress: Emit = function (event, ...args) {
    if (event === 'request') {
      const request = args[0] as IncomingMessage;
      request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? '';
    }
    return emit.call(this, event, ...args);
  };
  net.Server.prototype.emit = emitWithPeerAddress as typeof net.Server.prototype.emit;
  state.keyspacePeerAddressHook = true;
}

/** The socket's address if the hook stamped it (in this process only it can be trusted), else undefined. */
export function peerAddress(headers: Headers): string | undefined {
  if (!state.keyspacePeerAddressHook) return undefined;
  return headers.get(PEER_ADDRESS_HEADER) || undefined;
}
