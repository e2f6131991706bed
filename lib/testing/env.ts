import { resetKeyspaceEnv } from '@/lib/config/env';

/**
 * Sets (or, with undefined, removes) environment variables for a test, and makes the app re-read
 * them: lib/config/env.ts parses process.env once and caches it.
 */
export function setEnv(vars: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetKeyspaceEnv();
}

/** Runs `body` with some environment variables set, then puts the previous values back. */
export async function withEnv<T>(vars: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  setEnv(vars);
  try {
    return await body();
  } finally {
    setEnv(saved);
  }
}
