/**
 * Each pattern's source as it is in the repository, for the read-only editor beside a run: the
 * learner reads exactly the code the load generator runs. Read from disk once per process.
 */
import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PatternCode } from './api-types';
import { PATTERNS } from './patterns';

/** Where the pattern files are, from the app's root (`npm start` and the tests run there). */
export const PATTERNS_DIR = path.join('lib', 'labs', 'patterns', 'patterns');

let cached: Promise<PatternCode> | null = null;

export function readPatternCode(root = process.cwd()): Promise<PatternCode> {
  cached ??= Promise.all(
    PATTERNS.map(async ({ id, title, file }) => ({
      id,
      title,
      source: await readFile(path.join(root, PATTERNS_DIR, file), 'utf8'),
    })),
  )
    .then((patterns) => ({ patterns }))
    .catch((error: unknown) => {
      cached = null;
      throw error;
    });
  return cached;
}
