import 'server-only';
import Redis, { type Command, type RedisOptions } from 'ioredis';
import { keyspaceEnv } from '@/lib/config/env';
import { AppError } from '@/lib/errors';
import { hostPort, parseEndpoint, tlsCa } from './endpoint';
import { URL_ENV, type ConnectionRole } from './roles';
import { onUnresponsive, stopWatchdogs, unresponsiveReason, watchRole } from './watchdog';

/** What the public is told when a role's server is down: which one, never where it is. */
export function unavailableMessage(role: ConnectionRole): string {
  if (role === 'redis') return 'The Redis OSS sandbox is not running.';
  return `The ${role === 'sandbox' ? 'sandbox' : "app's data"} Valkey is unavailable.`;
}

/** What to do about it: the Valkey engine keeps working while Redis OSS is missing. */
const WHAT_TO_DO: Record<ConnectionRole, string> = {
  sandbox: 'Try again in a moment.',
  app: 'Try again in a moment.',
  redis: 'Switch the console to Valkey, or try again in a moment.',
};

/**
 * A Valkey server the app needs is not configured or not answering: a 503, also in the console.
 * The message names the role only; `detail` (host:port, the socket error) is for operators: the
 * server log and GET /api/health with KEYSPACE_HEALTH_DETAIL=1.
 */
export class ValkeyUnavailableError extends AppError {
  constructor(
    readonly role: ConnectionRole,
    readonly detail: string,
  ) {
    const message = `${unavailableMessage(role)} ${WHAT_TO_DO[role]}`;
    // Redis OSS is an optional engine: without it the app still works, so it gets a code of its own.
    super(role === 'redis' ? 'engine_unavailable' : 'unavailable', message, { text: `(error) ${message}` });
    this.name = 'ValkeyUnavailableError';
  }

  /** The message with its detail, for operators only. */
  get detailedMessage(): string {
    return `${unavailableMessage(this.role).slice(0, -1)}: ${this.detail}`;
  }
}

// Kept on globalThis so that hot reload in development reuses connections instead of leaking them.
const registry = globalThis as typeof globalThis & { keyspaceValkey?: Partial<Record<ConnectionRole, Redis>> };
registry.keyspaceValkey ??= {};

function tlsOptions(raw: string): RedisOptions['tls'] {
  if (!parseEndpoint(raw).tls) return undefined;
  const ca = tlsCa(keyspaceEnv().KEYSPACE_VALKEY_CA_FILE);
  return ca ? { ca } : {};
}

function createClient(role: ConnectionRole): Redis {
  const raw = keyspaceEnv()[URL_ENV[role]];
  if (!raw) {
    throw new ValkeyUnavailableError(
      role,
      `${URL_ENV[role]} is not set. Start Keyspace with "npm start" or "npm run dev".`,
    );
  }
  const client = new Redis(raw, {
    tls: tlsOptions(raw),
    connectionName: `keyspace-${role}`,
    connectTimeout: 3_000,
    commandTimeout: 5_000,
    // Fail fast: a learner should see "unavailable" in a second, not a request that hangs.
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    // Reconnect soon after a restarted server is back (npm start restarts one in about a second).
    retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
  });
  // While a server is down ioredis retries every second; log each distinct failure once.
  let lastLogged = '';
  client.on('error', (error: Error) => {
    if (error.message === lastLogged) return;
    lastLogged = error.message;
    console.error(`[valkey:${role}] ${error.message}`);
  });
  client.on('ready', () => {
    lastLogged = '';
  });
  // Under maxmemory-clients the server evicts the biggest clients; never the app's own (L7 of issue 10).
  client.on('ready', () => void client.call('CLIENT', 'NO-EVICT', 'on').catch(() => {}));
  watchRole(role, raw, tlsOptions(raw));
  failInFlightWhenUnresponsive(role, client);
  return client;
}

/**
 * Fails this client's commands in flight as soon as the watchdog finds the server hung, instead of
 * after commandTimeout. Their replies, if the server resumes, are matched and dropped by ioredis.
 */
function failInFlightWhenUnresponsive(role: ConnectionRole, client: Redis): void {
  const inFlight = new Set<Command>();
  const send = client.sendCommand.bind(client);
  client.sendCommand = (command, stream) => {
    inFlight.add(command);
    const settled = () => inFlight.delete(command);
    command.promise.then(settled, settled);
    return send(command, stream);
  };
  onUnresponsive(role, 'ioredis', (detail) => {
    for (const command of inFlight) command.reject(new ValkeyUnavailableError(role, detail));
  });
}

/** Throws ValkeyUnavailableError at once while the role's watchdog finds its server down or hung. */
export function assertResponsive(role: ConnectionRole): void {
  const raw = keyspaceEnv()[URL_ENV[role]];
  if (raw) watchRole(role, raw, tlsOptions(raw));
  const reason = unresponsiveReason(role);
  if (reason) throw new ValkeyUnavailableError(role, `${reason}. Try again in a moment.`);
}

/** The long-lived client for a role, connected; throws ValkeyUnavailableError if it cannot be. */
export async function getValkey(role: ConnectionRole): Promise<Redis> {
  const clients = registry.keyspaceValkey!;
  const client = (clients[role] ??= createClient(role));
  assertResponsive(role);
  if (client.status === 'ready') return client;
  // Connected once and lost it: the server is down or restarting; say so now, not in 3 s.
  if (client.status === 'reconnecting')
    throw new ValkeyUnavailableError(role, 'the connection was lost; reconnecting.');
  if (client.status === 'end') {
    delete clients[role];
    return getValkey(role);
  }
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => finish(false), 3_000);
    function finish(ok: boolean) {
      clearTimeout(timer);
      client.off('ready', onReady);
      client.off('error', onError);
      resolve(ok);
    }
    function onReady() {
      finish(true);
    }
    // A refused or failed connection attempt answers at once; no point making the learner wait.
    function onError() {
      finish(false);
    }
    client.on('ready', onReady);
    client.on('error', onError);
  });
  if (!ready) throw new ValkeyUnavailableError(role, `no answer from ${endpointOf(role)}.`);
  return client;
}

/** host:port of a role's server, safe to show (no credentials). */
export function endpointOf(role: ConnectionRole): string {
  const raw = keyspaceEnv()[URL_ENV[role]];
  return raw ? hostPort(raw) : 'not configured';
}

/**
 * What ioredis rejects a command with when the connection failed under it (closed, not writable,
 * timed out, out of retries), as opposed to Valkey answering with an error. Matched by message and
 * name because ioredis throws plain Errors for these and does not export its error classes.
 */
const CONNECTION_FAILURES = new Set([
  'Connection is closed.',
  "Stream isn't writeable and enableOfflineQueue options is false",
  'Command timed out',
  'Command aborted due to connection close',
]);

/** Whether an error came from a dropped or stalled connection rather than from Valkey's answer. */
export function isConnectionError(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  return CONNECTION_FAILURES.has(error.message) || error.name === 'MaxRetriesPerRequestError';
}

/** Closes every client (tests, and a server shutting down); the next getValkey reconnects. */
export async function closeValkeyClients(): Promise<void> {
  const clients = registry.keyspaceValkey!;
  stopWatchdogs();
  await Promise.all(
    Object.entries(clients).map(async ([role, client]) => {
      delete clients[role as ConnectionRole];
      client.disconnect();
    }),
  );
}
