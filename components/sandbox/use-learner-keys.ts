'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchKeys, type SandboxKey } from '@/lib/sandbox/api-client';
import type { SandboxEngine } from '@/lib/sandbox/engines';
import { remainingTtl } from './key-format';

export interface LearnerKeys {
  /** The keys as last fetched (kept while a refresh runs or after one fails), with live TTLs. */
  keys: SandboxKey[] | null;
  truncated: boolean;
  /** True until the first answer, and while a refresh is on its way. */
  loading: boolean;
  error: string | null;
  refresh(): void;
}

interface Fetched {
  keys: SandboxKey[] | null;
  truncated: boolean;
  error: string | null;
  /** Date.now() when the answer arrived: TTLs count down from there. */
  at: number;
  /** Which request this answers; loading while a newer one is out. */
  request: string;
}

/**
 * The learner's keys on an engine, fetched when `refreshToken` changes (the console bumps it after
 * every command) or the engine does, with each TTL counting down every second on the client from
 * the fetched value.
 */
export function useLearnerKeys(refreshToken: number, engine: SandboxEngine = 'valkey'): LearnerKeys {
  const [fetched, setFetched] = useState<Fetched | null>(null);
  const [requested, setRequested] = useState(0);
  const [now, setNow] = useState(0);
  const controller = useRef<AbortController | null>(null);

  const load = useCallback((request: string, from: SandboxEngine) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    fetchKeys(from, current.signal).then(
      (result) => {
        const at = Date.now();
        setNow(at);
        // A failed refresh keeps the keys shown, unless they were another engine's.
        setFetched((previous) => {
          if (result.ok) return { keys: result.keys, truncated: result.truncated === true, error: null, at, request };
          const same = previous?.request.startsWith(`${from}/`) ?? false;
          return {
            keys: same ? (previous?.keys ?? null) : null,
            truncated: same ? (previous?.truncated ?? false) : false,
            error: result.error,
            at: same ? (previous?.at ?? at) : at,
            request,
          };
        });
      },
      () => {
        // Aborted: a newer request replaces this one.
      },
    );
  }, []);

  const refresh = useCallback(() => setRequested((count) => count + 1), []);

  // Every command the console runs, every explicit refresh and every engine switch is a new request.
  const request = `${engine}/${refreshToken}/${requested}`;
  useEffect(() => {
    load(request, engine);
  }, [load, request, engine]);

  useEffect(() => () => controller.current?.abort(), []);

  const keys = fetched?.keys?.map((key) => ({ ...key, ttl: remainingTtl(key.ttl, now - fetched.at) })) ?? null;
  const expiring = keys?.some((key) => key.ttl > 0) ?? false;
  const expired = keys?.some((key) => key.ttl === 0) ?? false;

  useEffect(() => {
    if (!expiring) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [expiring]);

  // A key that reached 0 has expired on the server: fetch again (a second later, as TTL rounds down).
  useEffect(() => {
    if (!expired) return;
    const timer = setTimeout(refresh, 1_000);
    return () => clearTimeout(timer);
  }, [expired, fetched?.at, refresh]);

  return {
    keys,
    truncated: fetched?.truncated ?? false,
    loading: fetched === null || fetched.request !== request,
    error: fetched?.error ?? null,
    refresh,
  };
}
