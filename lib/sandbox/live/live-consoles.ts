import 'server-only';
/**
 * Live consoles: a browser console (one per page, its id made in the browser) that holds a live
 * stream (GET /api/sandbox/live, Server-Sent Events) owns one subscriber connection on the server
 * of the stream's engine (Valkey or Redis OSS), as a second valkey-cli (redis-cli) would. A console
 * listens on one engine at a time: a stream opened for another engine replaces the old one, as
 * connecting a CLI to another server drops its connection, so a PUBLISH on one engine never reaches
 * a subscriber on the other (they are other servers). What that connection receives (messages,
 * pmessages, smessages, invalidations) is printed as the CLI prints it (both print pub/sub pushes
 * alike) and sent down the stream. The stream is the
 * owner of everything: when it is aborted (page closed, Stop listening), idle too long, or
 * replaced, the connection closes, which ends its subscriptions, client-side caching redirected to
 * it is switched off (tracking-off.ts), and the console is forgotten.
 */
import { getValkey } from '@/lib/valkey/connections';
import { learnerUsername } from '../acl';
import { sandboxRoleFor, type RespEngine } from '../engine-routing';
import { ENGINE_LABELS } from '../engines';
import { formatReply } from '../format';
import { hasLearnerSessionOn, learnerSession, learnerSignIn, sandboxTarget } from '../learners';
import { sandboxLimits } from '../limits';
import { grantedPatterns, setGrantedPatterns } from '../pattern-grants';
import type { CliReply } from '../reply';
import { learnerPush, patternPrefix } from './channels';
import { liveLimits, type LiveLimits } from './live-limits';
import { SubscriberConnection } from './subscriber-connection';
import { stopTrackingRedirectedTo } from './tracking-off';
import { sandboxKeyPrefix } from '@/lib/valkey/keys';

export type LiveEvent = 'ready' | 'message' | 'notice' | 'end';

export interface LiveConsole {
  id: string;
  learnerId: string;
  /** The engine whose server the subscriber connection is on. */
  engine: RespEngine;
  connection: SubscriberConnection;
  /** As the learner names them (latin1 strings of their bytes), per kind. */
  channels: Set<string>;
  patterns: Set<string>;
  shardChannels: Set<string>;
  /** Whether the connection listens on the invalidation channel (client-side caching). */
  invalidations: boolean;
  /** valkey-cli's pubsub_mode: on from the first subscribe confirmation until Stop listening. */
  subscribeMode: boolean;
  touch(): void;
  close(reason: string): void;
}

const store = globalThis as typeof globalThis & { keyspaceLiveConsoles?: Map<string, LiveConsole> };
store.keyspaceLiveConsoles ??= new Map();
const consoles = store.keyspaceLiveConsoles;

/**
 * A learner's console with a live stream (on `engine` when given), or undefined: another learner's
 * console id is not theirs, and a console listening on one engine has no stream on the other.
 */
export function liveConsole(
  learnerId: string,
  consoleId: string | undefined,
  engine?: RespEngine,
): LiveConsole | undefined {
  const found = consoleId ? consoles.get(consoleId) : undefined;
  return found?.learnerId === learnerId && (!engine || found.engine === engine) ? found : undefined;
}

/** A learner's consoles with a live stream: on one engine, or on every engine when none is given. */
export function learnerConsoles(learnerId: string, engine?: RespEngine): LiveConsole[] {
  return [...consoles.values()].filter((live) => live.learnerId === learnerId && (!engine || live.engine === engine));
}

export function liveConsoleCount(): number {
  return consoles.size;
}

/** How many channels, patterns and shard channels a learner listens to, over all their consoles (both engines). */
export function learnerSubscriptionCount(learnerId: string): number {
  return learnerConsoles(learnerId).reduce(
    (sum, live) => sum + live.channels.size + live.patterns.size + live.shardChannels.size,
    0,
  );
}

/**
 * Grants the learner's ACL user on one engine's server exactly the patterns their consoles there
 * listen to (plus their own space), so a pattern's permission lasts no longer than its
 * subscription. `resetchannels` at the root leaves the selectors alone, and every subscription left
 * stays allowed, so the server keeps the learner's other subscribers connected.
 */
export async function syncPatternGrants(
  learnerId: string,
  engine: RespEngine,
  adding: readonly string[] = [],
): Promise<void> {
  // A learner swept away meanwhile has no ACL user left to change (and needs no new session).
  if (!hasLearnerSessionOn(learnerId, engine)) return;
  const granted = grantedPatterns(learnerId, engine);
  const wanted = new Set(adding);
  const prefix = patternPrefix(learnerId);
  for (const live of learnerConsoles(learnerId, engine))
    for (const pattern of live.patterns) wanted.add(prefix + pattern);
  const same = wanted.size === granted.size && [...wanted].every((p) => granted.has(p));
  if (same) return;
  setGrantedPatterns(learnerId, wanted, engine);
  const admin = await getValkey(sandboxRoleFor(engine));
  const channels = [`&${sandboxKeyPrefix(learnerId)}*`, ...[...wanted].map((pattern) => `&${pattern}`)];
  await admin.call('ACL', 'SETUSER', learnerUsername(learnerId), 'resetchannels', ...channels);
}

const encoder = new TextEncoder();
const sseEvent = (event: LiveEvent, data: unknown) =>
  encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
const HEARTBEAT_MS = 15_000;

export type LiveStreamOutcome = { ok: true; stream: ReadableStream<Uint8Array> } | { ok: false; error: string };

/**
 * Opens a console's live stream on an engine: checks the bounds, signs a subscriber connection in
 * on that engine's server, and returns the stream, whose end (abort, idle, error) closes the
 * connection. A console id that already has a stream (the same page reconnecting, or switched to
 * the other engine) gets the new one; the old one ends.
 */
export async function openLiveStream(
  learnerId: string,
  consoleId: string,
  signal: AbortSignal,
  limits: LiveLimits = liveLimits(),
  engine: RespEngine = 'valkey',
): Promise<LiveStreamOutcome> {
  const existing = consoles.get(consoleId);
  if (existing && existing.learnerId !== learnerId) return { ok: false, error: 'ERR that console id is taken.' };
  existing?.close(
    existing.engine === engine
      ? 'this console opened a new live stream'
      : `this console switched to ${ENGINE_LABELS[engine].name}`,
  );
  const others = learnerConsoles(learnerId).length;
  if (others >= limits.streamsPerLearner)
    return {
      ok: false,
      error: `ERR too many live consoles: at most ${limits.streamsPerLearner} per learner. Stop listening in another tab first.`,
    };
  if (consoles.size >= limits.streamsTotal)
    return { ok: false, error: 'ERR the sandbox has too many live consoles right now: try again in a minute.' };

  const session = learnerSession(learnerId, engine);
  const { username, password } = await learnerSignIn(session);
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>(
    {
      start: (streamController) => {
        controller = streamController;
      },
      cancel: () => current.live?.close('aborted'),
    },
    { highWaterMark: 64 },
  );
  let closed = false;
  // Set once the connection is open; the stream's callbacks may run before that.
  const current: { live?: LiveConsole } = {};
  let idleTimer: NodeJS.Timeout | undefined;
  let rateWindow = { start: Date.now(), delivered: 0, dropped: 0 };
  let dropNotice: NodeJS.Timeout | undefined;

  const send = (event: LiveEvent, data: unknown): boolean => {
    if (closed) return false;
    // A client that does not read: drop rather than queue without bound.
    if ((controller.desiredSize ?? 0) <= 0 && event === 'message') return false;
    controller.enqueue(sseEvent(event, data));
    return true;
  };
  const resetIdle = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(
      () =>
        current.live?.close(
          `closed after ${limits.idleSeconds} s without a command or a message: SUBSCRIBE again to listen`,
        ),
      limits.idleSeconds * 1000,
    );
    idleTimer.unref?.();
  };
  // Said once per second of excess, after it, with the count: not once per dropped message.
  const countDropped = () => {
    rateWindow.dropped += 1;
    if (dropNotice) return;
    dropNotice = setTimeout(
      () => {
        dropNotice = undefined;
        const dropped = rateWindow.dropped;
        rateWindow = { start: Date.now(), delivered: 0, dropped: 0 };
        send('notice', {
          text: `(${dropped} message${dropped === 1 ? '' : 's'} dropped: a console shows at most ${limits.messagesPerSecond} per second)`,
        });
      },
      Math.max(0, rateWindow.start + 1000 - Date.now()),
    );
  };
  const deliver = (reply: CliReply) => {
    const now = Date.now();
    if (now - rateWindow.start >= 1000 && !dropNotice) rateWindow = { start: now, delivered: 0, dropped: 0 };
    if (rateWindow.delivered >= limits.messagesPerSecond) return countDropped();
    if (send('message', { text: formatReply(learnerPush(learnerId, reply)) })) rateWindow.delivered += 1;
    else countDropped();
    resetIdle();
  };

  let connection: SubscriberConnection;
  try {
    connection = await SubscriberConnection.open(
      sandboxTarget(engine),
      username,
      password,
      sandboxLimits().maxReplyBytes,
      deliver,
      (reason) => current.live?.close(`the live connection closed (${reason})`),
    );
  } catch (error) {
    return { ok: false, error: `ERR could not open a live connection: ${(error as Error).message}` };
  }
  const heartbeat = setInterval(() => {
    if (!closed) controller.enqueue(encoder.encode(': keep-alive\n\n'));
  }, HEARTBEAT_MS);
  heartbeat.unref?.();

  const live: LiveConsole = {
    id: consoleId,
    learnerId,
    engine,
    connection,
    channels: new Set(),
    patterns: new Set(),
    shardChannels: new Set(),
    invalidations: false,
    subscribeMode: false,
    touch: resetIdle,
    close: (reason) => {
      if (closed) return;
      closed = true;
      clearTimeout(idleTimer);
      clearTimeout(dropNotice);
      clearInterval(heartbeat);
      if (consoles.get(consoleId) === live) consoles.delete(consoleId);
      connection.close();
      // Said only where the learner can read it (an aborted stream has no reader).
      const trackingNote =
        live.invalidations && reason !== 'aborted'
          ? '; client-side caching that sent its invalidations here is switched off: CLIENT TRACKING on to resume'
          : '';
      try {
        controller.enqueue(sseEvent('end', { text: reason + trackingNote }));
        controller.close();
      } catch {
        // The client is gone (the stream was cancelled): nothing to tell it.
      }
      syncPatternGrants(learnerId, engine).catch((error: unknown) =>
        console.error('[sandbox] could not withdraw pattern grants:', error),
      );
      if (live.invalidations)
        stopTrackingRedirectedTo(learnerId, connection.id, engine).catch((error: unknown) =>
          console.error('[sandbox] could not switch client-side caching off:', error),
        );
    },
  };
  current.live = live;
  consoles.set(consoleId, live);
  if (signal.aborted) live.close('aborted');
  else signal.addEventListener('abort', () => live.close('aborted'), { once: true });
  resetIdle();
  send('ready', { connectionId: connection.id });
  return { ok: true, stream };
}

/** Ends every live console (tests, shutdown). */
export function closeLiveConsoles(): void {
  for (const live of [...consoles.values()]) live.close('closed');
}
