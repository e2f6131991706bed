'use client';

import type { SandboxEngine } from '@/lib/sandbox/engines';

/**
 * The CLI's line for subscribe mode: valkey-cli 8 lets you type a command after any key; redis-cli
 * 7.0, the Redis OSS engine's, only offers Ctrl-C (the console still takes commands on both).
 */
const READING_LINE: Record<Exclude<SandboxEngine, 'memcached'>, string> = {
  valkey: 'Reading messages... (press Ctrl-C to quit or any key to type command)',
  redis: 'Reading messages... (press Ctrl-C to quit)',
};

/**
 * Shown while the console is in subscribe mode (on Valkey or Redis OSS): the CLI's "Reading
 * messages..." line, and the Stop listening button that does what Ctrl+C does there (closes the
 * subscriber connection, which ends every subscription, and leaves subscribe mode). Commands can
 * still be typed meanwhile, as in valkey-cli after "any key".
 */
export function SubscribeModeBar({ engine, onStop }: { engine: SandboxEngine; onStop(): void }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-800 px-3 py-1.5 text-xs text-slate-300">
      <p className="font-mono">{engine === 'redis' ? READING_LINE.redis : READING_LINE.valkey}</p>
      <button
        type="button"
        onClick={onStop}
        className="rounded border border-slate-600 px-2 py-0.5 text-slate-100 hover:bg-slate-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring"
      >
        Stop listening
      </button>
    </div>
  );
}
