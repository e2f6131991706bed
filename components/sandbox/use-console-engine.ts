'use client';

import { useCallback, useState, useSyncExternalStore } from 'react';
import { DEFAULT_ENGINE, isSandboxEngine, type SandboxEngine } from '@/lib/sandbox/engines';

/** Where the browser remembers the engine the learner last chose with the switch. */
export const ENGINE_STORAGE_KEY = 'keyspace:sandbox-engine';

function rememberedEngine(): SandboxEngine {
  try {
    const stored = window.localStorage.getItem(ENGINE_STORAGE_KEY);
    return isSandboxEngine(stored) ? stored : DEFAULT_ENGINE;
  } catch {
    // Storage can be off (private mode, a blocked cookie policy): the default is fine.
    return DEFAULT_ENGINE;
  }
}

/** This tab's consoles, told when the learner picks an engine (another tab's pick does not move this one). */
const listeners = new Set<() => void>();
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The console's engine: Valkey in the server HTML and during hydration, then the one this browser
 * chose last. `choose` is the learner's own pick (remembered); `follow` is a lesson's <Run engine>
 * or a challenge switching the console for its command, which must not change the learner's
 * choice for next time.
 */
export function useConsoleEngine(): {
  engine: SandboxEngine;
  choose(engine: SandboxEngine): void;
  follow(engine: SandboxEngine): void;
} {
  const remembered = useSyncExternalStore(subscribe, rememberedEngine, () => DEFAULT_ENGINE);
  const [followed, setFollowed] = useState<SandboxEngine | null>(null);
  const choose = useCallback((next: SandboxEngine) => {
    setFollowed(next);
    try {
      window.localStorage.setItem(ENGINE_STORAGE_KEY, next);
    } catch {
      // Not remembered, but chosen all the same (followed above).
    }
    for (const listener of listeners) listener();
  }, []);
  return { engine: followed ?? remembered, choose, follow: setFollowed };
}
