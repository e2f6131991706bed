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
