/** How the key browser writes a key's time to live and size. */

/** "no expiry", "42s", "1m 40s", "2h 05m", "3d 4h": short enough for a phone's table column. */
export function formatTtl(seconds: number): string {
  if (seconds < 0) return 'no expiry';
  if (seconds < 60) return `${seconds}s`;
  const pad = (value: number) => String(value).padStart(2, '0');
  if (seconds < 3_600) return `${Math.floor(seconds / 60)}m ${pad(seconds % 60)}s`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3_600)}h ${pad(Math.floor((seconds % 3_600) / 60))}m`;
  return `${Math.floor(seconds / 86_400)}d ${Math.floor((seconds % 86_400) / 3_600)}h`;
}

/** "56 B", "1.2 KB", "3.4 MB" (1 KB = 1024 bytes, as MEMORY USAGE counts); null when unknown. */
export function formatBytes(bytes: number | null): string | null {
  if (bytes === null || !Number.isFinite(bytes)) return null;
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** Seconds left now, counting down from the TTL the server sent `elapsedMs` ago; -1 stays -1. */
export function remainingTtl(ttl: number, elapsedMs: number): number {
  if (ttl < 0) return ttl;
  return Math.max(0, ttl - Math.floor(Math.max(0, elapsedMs) / 1000));
}
