/**
 * Reads one JSON value the app stored in Valkey, checked against its schema. A corrupt entry (a bad
 * write, an older shape) is logged and skipped: one unreadable entry must not hide the others.
 */
import type { z } from 'zod';

export function parseStoredJson<T>(schema: z.ZodType<T>, json: string, what: string): T | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    value = undefined;
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  console.warn(`Skipped a corrupt ${what} in Valkey: ${json.slice(0, 200)}`);
  return null;
}
