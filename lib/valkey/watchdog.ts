import 'server-only';
import Redis, { type RedisOptions } from 'ioredis';
import type { ConnectionRole } from './roles';

/**
 * A health watchdog per Valkey role: a PING every PROBE_EVERY_MS on a connection of its own. A
 * server that is down (connection refused) or hung (SIGSTOP, swapped out: the kernel still accepts
 * connections but nothing answers) is marked unresponsive within PING_TIMEOUT_MS + PROBE_EVERY_MS,
 * so that requests fail at once with a 503 instead of waiting out a command timeout, and commands
 * already in flight are failed by the listeners below. The first PONG clears the mark.
 *
 * A separate connection is what tells a hang from a slow command: a learner's BLPOP may wait for
 * seconds on its own connection while this PING answers in a millisecond.
 */
export const PROBE_EVERY_MS = 250;
export const PING_TIMEOUT_MS = 500;

type Listener = (detail: string) => void;

interface Watch {
  url: string;
  probe: Redis;
  timer: NodeJS.Timeout;
  /** When the PING now waiting for its PONG was sent, or null. */
  pingSentAt: number | null;
  /** Since when the probe has been connecting (not yet signed in), or null. */
  connectingSince: number | null;
  /** Why the role is unresponsive, or null while it answers (and before the first PING). */
  unresponsive: string | null;
  since: number;
}

// On globalThis so that hot reload in development keeps one watchdog per role, not one per reload.
const registry = globalThis as typeof globalThis & {
  keyspaceWatchdogs?: Partial<Record<ConnectionRole, Watch>>;
  keyspaceWatchdogListeners?: Record<ConnectionRole, Map<string, Listener>>;
};
registry.keyspaceWatchdogs ??= {};
registry.keyspaceWatchdogListeners ??= { sandbox: new Map(), app: new Map(), redis: new Map() };
// A registry kept from before the Redis OSS role existed (hot reload in development) gains it here.
registry.keyspaceWatchdogListeners.redis ??= new Map();
const watches = registry.keyspaceWatchdogs;
const listeners = registry.keyspaceWatchdogListeners;

function mark(role: ConnectionRole, watch: Watch, detail: string | null): void {
  if (watches[role] !== watch) return; // A PING of a watch stopped since.
  if (detail === null) {
    if (watch.unresponsive !== null) {
      console.error(`[valkey:${role}] answering again after ${Date.now() - watch.since} ms`);
      watch.unresponsive = null;
    }
    return;
  }
  if (watch.unresponsive !== null) return;
  watch.unresponsive = detail;
  watch.since = Date.now();
  console.error(`[valkey:${role}] unresponsive: ${detail}`);
  for (const listener of listeners[role].values()) listener(detail);
}

/** ioredis's message when a command outlives commandTimeout. */
const PROBE_TIMEOUT_MESSAGE = 'Command timed out';

const HUNG = `no answer to PING for ${PING_TIMEOUT_MS} ms (the server is stopped or overloaded)`;

/** Marks the role hung if `stillWaiting` holds once the event loop has read its sockets. */
function markIfStillWaiting(role: ConnectionRole, watch: Watch, stillWaiting: () => boolean): void {
  // If this process itself was busy, the PONG may be sitting unread in the socket: decide after the
  // event loop's I/O phase, so that a slow app is not taken for a slow server.
  setImmediate(() => {
    if (stillWaiting()) mark(role, watch, HUNG);
  });
}

function tick(role: ConnectionRole, watch: Watch): void {
  if (watch.pingSentAt !== null) {
    if (Date.now() - watch.pingSentAt >= PING_TIMEOUT_MS)
      markIfStillWaiting(role, watch, () => watch.pingSentAt !== null);
    return;
  }
  const status = watch.probe.status;
  if (status === 'reconnecting' || status === 'close' || status === 'end') {
    mark(role, watch, 'cannot connect to it');
    return;
  }
  if (status !== 'ready') {
    // Connecting: a hung server still accepts the TCP connection (the kernel does) but never answers
    // the sign-in, so a handshake that lasts as long as a PING may counts as a hang too.
    const since = (watch.connectingSince ??= Date.now());
    if (Date.now() - since >= PING_TIMEOUT_MS) markIfStillWaiting(role, watch, () => watch.probe.status !== 'ready');
    return;
  }
  watch.connectingSince = null;
  const sentAt = Date.now();
  watch.pingSentAt = sentAt;
  watch.probe.ping().then(
    () => {
      if (watch.pingSentAt === sentAt) watch.pingSentAt = null;
      mark(role, watch, null);
    },
    (error: unknown) => {
      if (watch.pingSentAt !== sentAt) return; // Given up on at a 'close' (below) already.
      watch.pingSentAt = null;
      // ioredis's own timeout runs in the timers phase, before the event loop reads the sockets: after
      // this process was busy for 2 s, the PONG may be sitting unread. A server that really hangs was
      // marked by tick's PING_TIMEOUT_MS check long before; the next tick's PING decides afresh.
      if (error instanceof Error && error.message === PROBE_TIMEOUT_MESSAGE) return;
      mark(role, watch, `its connection failed (${error instanceof Error ? error.message : String(error)})`);
    },
  );
}

/** Starts watching a role's server (once; later calls with the same role do nothing). */
export function watchRole(role: ConnectionRole, url: string, tls: RedisOptions['tls']): void {
  const existing = watches[role];
  if (existing?.url === url) return;
  // A new URL (tests point a role elsewhere): watch the new server, not the old one.
  if (existing) stopWatch(role, existing);
  const probe = new Redis(url, {
    tls,
    connectionName: `keyspace-${role}-watchdog`,
    connectTimeout: 1_000,
    // Settles a PING that a dropped connection would otherwise leave unanswered for ever.
    commandTimeout: 2_000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    retryStrategy: () => PROBE_EVERY_MS,
  });
  probe.on('error', () => {}); // The app's own client logs connection errors; the mark says the rest.
  // ioredis may never settle a command whose connection closed (it drops it when it reconnects).
  probe.on('close', () => {
    watch.pingSentAt = null;
  });
  const watch: Watch = {
    url,
    probe,
    timer: setInterval(() => tick(role, watch), PROBE_EVERY_MS),
    pingSentAt: null,
    connectingSince: null,
    unresponsive: null,
    since: 0,
  };
  watch.timer.unref();
  watches[role] = watch;
}

/** Why a role's server is not answering, or null if it answers (or is not watched yet). */
export function unresponsiveReason(role: ConnectionRole): string | null {
  return watches[role]?.unresponsive ?? null;
}

/**
 * Calls `listener` each time a role becomes unresponsive, to fail the commands in flight on it.
 * Registered under a name, so that registering again (hot reload) replaces rather than adds.
 */
export function onUnresponsive(role: ConnectionRole, name: string, listener: Listener): void {
  listeners[role].set(name, listener);
}

/** Stops every watchdog (tests, shutdown); the next watchRole starts afresh. */
export function stopWatchdogs(): void {
  for (const [role, watch] of Object.entries(watches)) stopWatch(role as ConnectionRole, watch);
}

function stopWatch(role: ConnectionRole, watch: Watch): void {
  clearInterval(watch.timer);
  watch.probe.disconnect();
  if (watches[role] === watch) delete watches[role];
}
