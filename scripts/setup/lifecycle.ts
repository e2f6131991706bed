/**
 * Stopping cleanly however the run ends: Ctrl+C, SIGTERM or SIGHUP to us, or our parent dying.
 * The last case matters: `npm start` runs us under `sh -c`, and when npm itself is sent SIGTERM
 * the shell exits without passing it on, which would leave us (and our servers) orphaned.
 */
export function onStopRequest(stop: () => void): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(watch);
      stop();
    }
  }, 500);
  watch.unref();
}
