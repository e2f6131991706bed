/**
 * One look per shard, shared by the slot bar, the shard cards and the keyslot explorer. Colour
 * is never the only cue: every place that uses it also prints the shard's number.
 */
const SHARD_FILL = ['bg-sky-600', 'bg-amber-500', 'bg-violet-600', 'bg-emerald-600', 'bg-rose-600'] as const;
const SHARD_TEXT = ['text-white', 'text-slate-950', 'text-white', 'text-white', 'text-white'] as const;

export const shardFill = (shard: number): string => SHARD_FILL[(shard - 1) % SHARD_FILL.length] as string;
export const shardText = (shard: number): string => SHARD_TEXT[(shard - 1) % SHARD_TEXT.length] as string;

/** Health as colour and word: the word carries the meaning, the colour helps the eye. */
export const HEALTH_STYLE = {
  ok: { label: 'ok', className: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200' },
  pfail: {
    label: 'pfail (suspected)',
    className: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  },
  fail: { label: 'fail', className: 'bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-200' },
  down: { label: 'down', className: 'bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-950' },
} as const;

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
