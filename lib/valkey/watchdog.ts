import 'server-only';
import Redis, { type RedisOptions } from 'ioredis';
import type { InstanceRole } from './roles';

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
  probe: Redis;
  timer: NodeJS.Timeout;
  /** When the PING now waiting for its PONG was sent, or null. */
  pingSentAt: number | null;
  /** Why the role is unresponsive, or null while it answers (and before the first PING). */
  unresponsive: string | null;
  since: number;
}

// On globalThis so that hot reload in development keeps one watchdog per role, not one per reload.
const registry = globalThis as typeof globalThis & {
  keyspaceWatchdogs?: Partial<Record<InstanceRole, Watch>>;
  keyspaceWatchdogListeners?: Record<InstanceRole, Map<string, Listener>>;
};
registry.keyspaceWatchdogs ??= {};
registry.keyspaceWatchdogListeners ??= { sandbox: new Map(), app: new Map() };
const watches = registry.keyspaceWatchdogs;
const listeners = registry.keyspaceWatchdogListeners;

function mark(role: InstanceRole, watch: Watch, detail: string | null): void {
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

function tick(role: InstanceRole, watch: Watch): void {
  if (watch.pingSentAt !== null) {
    const waited = Date.now() - watch.pingSentAt;
    if (waited < PING_TIMEOUT_MS) return;
    // Decide after the event loop's I/O phase: if this process itself was busy, the PONG may be
    // sitting unread in the socket, and that is not the server's fault.
    setImmediate(() => {
      if (watch.pingSentAt !== null && watches[role] === watch)
        mark(role, watch, `no answer to PING for ${PING_TIMEOUT_MS} ms (the server is stopped or overloaded)`);
    });
    return;
  }
  const sentAt = Date.now();
  watch.pingSentAt = sentAt;
  watch.probe.ping().then(
    () => {
      if (watch.pingSentAt === sentAt) watch.pingSentAt = null;
      mark(role, watch, null);
    },
    (error: unknown) => {
      if (watch.pingSentAt === sentAt) watch.pingSentAt = null;
      mark(role, watch, `cannot reach it (${error instanceof Error ? error.message : String(error)})`);
    },
  );
}

/** Starts watching a role's server (once; later calls with the same role do nothing). */
export function watchRole(role: InstanceRole, url: string, tls: RedisOptions['tls']): void {
  if (watches[role]) return;
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
  const watch: Watch = {
    probe,
    timer: setInterval(() => tick(role, watch), PROBE_EVERY_MS),
    pingSentAt: null,
    unresponsive: null,
    since: 0,
  };
  watch.timer.unref();
  watches[role] = watch;
}

/** Why a role's server is not answering, or null if it answers (or is not watched yet). */
export function unresponsiveReason(role: InstanceRole): string | null {
  return watches[role]?.unresponsive ?? null;
}

/**
 * Calls `listener` each time a role becomes unresponsive, to fail the commands in flight on it.
 * Registered under a name, so that registering again (hot reload) replaces rather than adds.
 */
export function onUnresponsive(role: InstanceRole, name: string, listener: Listener): void {
  listeners[role].set(name, listener);
}

/** Stops every watchdog (tests, shutdown); the next watchRole starts afresh. */
export function stopWatchdogs(): void {
  for (const [role, watch] of Object.entries(watches)) {
    clearInterval(watch.timer);
    watch.probe.disconnect();
    delete watches[role as InstanceRole];
  }
}
