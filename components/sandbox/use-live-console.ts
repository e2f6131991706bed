'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { ENGINE_LABELS, type SandboxEngine } from '@/lib/sandbox/engines';
import { newConsoleId, openLiveStream, type LiveEngine, type LiveStreamEvent } from '@/lib/sandbox/live-client';

/**
 * What the CLI prints when Ctrl-C leaves subscribe mode (valkey-cli.c, cliWaitForMessagesOrStdin;
 * redis-cli says "Redis" where valkey-cli says "Valkey").
 */
export function closingLine(engine: LiveEngine): string {
  return `Closing current connection. Ready to reconnect to ${engine === 'redis' ? 'Redis' : 'Valkey'} server... `;
}
/** Messages are announced at most this often, summed up, so a busy channel does not flood a screen reader. */
const ANNOUNCE_EVERY_MS = 3_000;

export interface LiveOutput {
  text: string;
  ok: boolean;
}

interface OpenStream {
  controller: AbortController;
  ready: Promise<true | string>;
  /** The engine whose server the stream's subscriber connection is on. */
  engine: LiveEngine;
}

/**
 * A console's live stream: opened when a command needs it (SUBSCRIBE & co., CLIENT TRACKING on),
 * on the engine the command runs on, closed by Stop listening (Ctrl+C), when the page goes, when
 * the console switches to another engine (a CLI connected elsewhere drops its connection, and its
 * subscriptions with it), or by the server (idle, limits). What it receives is appended to its
 * engine's transcript through `append`; `announce` gets a throttled summary.
 */
export function useLiveConsole(
  append: (output: LiveOutput, engine: LiveEngine) => void,
  announce: (text: string) => void,
) {
  const consoleId = useRef('');
  const stream = useRef<OpenStream | null>(null);
  /** The engine whose console is in subscribe mode, or null (only the stream's engine can be). */
  const [subscribedOn, setSubscribedOn] = useState<LiveEngine | null>(null);
  const pendingAnnouncement = useRef<{ count: number; latest: string; timer: number | null }>({
    count: 0,
    latest: '',
    timer: null,
  });
  const latest = useRef({ append, announce });
  useEffect(() => {
    latest.current = { append, announce };
  });

  const getConsoleId = useCallback(() => {
    if (!consoleId.current) consoleId.current = newConsoleId();
    return consoleId.current;
  }, []);

  const announceMessage = useCallback((text: string) => {
    const pending = pendingAnnouncement.current;
    pending.count += 1;
    pending.latest = text.replace(/\s+/g, ' ').slice(0, 160);
    if (pending.timer !== null) return;
    pending.timer = window.setTimeout(() => {
      const { count, latest: last } = pending;
      pending.count = 0;
      pending.timer = null;
      latest.current.announce(count === 1 ? `New message: ${last}` : `${count} new messages. The latest: ${last}`);
    }, ANNOUNCE_EVERY_MS);
  }, []);

  const onEvent = useCallback(
    (event: LiveStreamEvent, controller: AbortController, engine: LiveEngine) => {
      if (event.event === 'ready') return;
      if (event.event === 'end') {
        if (stream.current?.controller === controller) {
          stream.current = null;
          setSubscribedOn(null);
        }
        if (event.text !== 'aborted')
          latest.current.append({ text: `(live console closed: ${event.text})`, ok: false }, engine);
        return;
      }
      latest.current.append({ text: event.text, ok: event.event === 'message' }, engine);
      if (event.event === 'message') announceMessage(event.text);
      else latest.current.announce(event.text);
    },
    [announceMessage],
  );

  /**
   * Closes the stream if it is on another engine than `engine` (the console switched): its
   * subscriptions end, said in that engine's transcript, and subscribe mode is left.
   */
  const leaveOtherEngine = useCallback((engine: SandboxEngine) => {
    const open = stream.current;
    if (!open || open.engine === engine) return;
    stream.current = null;
    open.controller.abort();
    setSubscribedOn(null);
    latest.current.append(
      { text: `(live console closed: the console switched to ${ENGINE_LABELS[engine].name})`, ok: false },
      open.engine,
    );
  }, []);

  /** Opens the stream on `engine` if it is not open there; resolves true when ready, or with the console's error text. */
  const ensureStream = useCallback(
    (engine: LiveEngine): Promise<true | string> => {
      leaveOtherEngine(engine);
      if (stream.current) return stream.current.ready;
      const controller = new AbortController();
      const ready = openLiveStream(
        getConsoleId(),
        (event) => onEvent(event, controller, engine),
        controller.signal,
        engine,
      ).then((result) => {
        if (result !== true && stream.current?.controller === controller) stream.current = null;
        return result;
      });
      stream.current = { controller, ready, engine };
      return ready;
    },
    [getConsoleId, onEvent, leaveOtherEngine],
  );

  /** What the server said of subscribe mode after a command on `engine`: only that engine's stream has one. */
  const setSubscribeMode = useCallback((engine: LiveEngine, on: boolean) => {
    const open = stream.current;
    if (open && open.engine !== engine) return;
    setSubscribedOn(on && open ? engine : null);
  }, []);

  /** Ctrl+C / Stop listening: as the CLI, close the subscriber connection and leave subscribe mode. */
  const stopListening = useCallback((): boolean => {
    const open = stream.current;
    if (!open) return false;
    stream.current = null;
    open.controller.abort();
    setSubscribedOn(null);
    latest.current.append({ text: closingLine(open.engine), ok: true }, open.engine);
    return true;
  }, []);

  useEffect(() => {
    const pending = pendingAnnouncement.current;
    return () => {
      stream.current?.controller.abort();
      stream.current = null;
      if (pending.timer !== null) window.clearTimeout(pending.timer);
    };
  }, []);

  return { getConsoleId, ensureStream, leaveOtherEngine, stopListening, subscribedOn, setSubscribeMode };
}
