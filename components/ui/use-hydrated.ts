'use client';

import { useSyncExternalStore } from 'react';

const subscribeNever = () => () => {};

/**
 * False in the server HTML and during hydration, true once React runs in the browser.
 * Pages are prerendered, so controls are visible before their handlers exist; controls stay
 * disabled until then, so an early click or Enter is never lost or sent as a native form submit.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}
