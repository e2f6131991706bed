'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { newConsoleId, openLiveStream, type LiveStreamEvent } from '@/lib/sandbox/live-client';

/** What valkey-cli prints when Ctrl-C leaves subscribe mode (valkey-cli.c, cliWaitForMessagesOrStdin). */
export const CLOSING_LINE = 'Closing current connection. Ready to reconnect to Valkey server... ';
/** Messages are announced at most this often, summed up, so a busy channel does not flood a screen reader. */
const ANNOUNCE_EVERY_MS = 3_000;

export interface LiveOutput {
  text: string;
  ok: boolean;
}

/**
 * A console's live stream: opened when a command needs it (SUBSCRIBE & co., CLIENT TRACKING on),
 * closed by Stop listening (Ctrl+C), when the page goes, or by the server (idle, limits). What it
 * receives is appended to the transcript through `append`; `announce` gets a throttled summary.
 */
export function useLiveConsole(append: (output: LiveOutput) => void, announce: (text: string) => void) {
  const consoleId = useRef('');
  const stream = useRef<{ controller: AbortController; ready: Promise<true | string> } | null>(null);
  const [subscribeMode, setSubscribeMode] = useState(false);
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
    (event: LiveStreamEvent, controller: AbortController) => {
      if (event.event === 'ready') return;
      if (event.event === 'end') {
        if (stream.current?.controller === controller) stream.current = null;
        setSubscribeMode(false);
        if (event.text !== 'aborted')
          latest.current.append({ text: `(live console closed: ${event.text})`, ok: false });
        return;
      }
      latest.current.append({ text: event.text, ok: event.event === 'message' });
      if (event.event === 'message') announceMessage(event.text);
      else latest.current.announce(event.text);
    },
    [announceMessage],
  );

  /** Opens the stream if it is not open; resolves true when ready, or with the console's error text. */
  const ensureStream = useCallback((): Promise<true | string> => {
    if (stream.current) return stream.current.ready;
    const controller = new AbortController();
    const ready = openLiveStream(getConsoleId(), (event) => onEvent(event, controller), controller.signal).then(
      (result) => {
        if (result !== true && stream.current?.controller === controller) stream.current = null;
        return result;
      },
    );
    stream.current = { controller, ready };
    return ready;
  }, [getConsoleId, onEvent]);

  /** Ctrl+C / Stop listening: as valkey-cli, close the subscriber connection and leave subscribe mode. */
  const stopListening = useCallback((): boolean => {
    const open = stream.current;
    if (!open) return false;
    stream.current = null;
    open.controller.abort();
    setSubscribeMode(false);
    latest.current.append({ text: CLOSING_LINE, ok: true });
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

  return { getConsoleId, ensureStream, stopListening, subscribeMode, setSubscribeMode };
}
