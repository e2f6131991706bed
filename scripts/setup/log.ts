/** Progress lines for the start and test scripts: one glyph per kind, flushed as they happen. */
export function step(message: string): void {
  console.log(`▸ ${message}`);
}

export function done(message: string): void {
  console.log(`✔ ${message}`);
}

export function warn(message: string): void {
  console.warn(`! ${message}`);
}

export function fail(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(1);
}

/** Prints a "still working" line every few seconds while a long step runs. */
export function heartbeat(label: string, everyMs = 15_000): () => void {
  const started = Date.now();
  const timer = setInterval(() => {
    console.log(`  … ${label} (${Math.round((Date.now() - started) / 1000)} s)`);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
