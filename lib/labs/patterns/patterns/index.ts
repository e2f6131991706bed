/**
 * Every pattern the lab runs, by id, with the title and source file the editor shows. The load
 * generator creates one per run; the code route reads the files as they are in the repository.
 */
import type { PatternId } from '../api-types';
import { cacheAside } from './cache-aside';
import { noCache } from './no-cache';
import type { CachePattern, PatternEnv } from './pattern';
import { readThrough } from './read-through';
import { refreshAhead } from './refresh-ahead';
import { writeBehind } from './write-behind';
import { writeThrough } from './write-through';

export interface PatternDefinition {
  id: PatternId;
  title: string;
  /** The file under lib/labs/patterns/patterns/ shown read-only to learners. */
  file: string;
  create(env: PatternEnv): CachePattern;
}

export const PATTERNS: readonly PatternDefinition[] = [
  { id: 'none', title: 'No cache', file: 'no-cache.ts', create: noCache },
  { id: 'cache-aside', title: 'Cache-aside', file: 'cache-aside.ts', create: cacheAside },
  { id: 'read-through', title: 'Read-through', file: 'read-through.ts', create: readThrough },
  { id: 'write-through', title: 'Write-through', file: 'write-through.ts', create: writeThrough },
  { id: 'write-behind', title: 'Write-behind', file: 'write-behind.ts', create: writeBehind },
  { id: 'refresh-ahead', title: 'Refresh-ahead', file: 'refresh-ahead.ts', create: refreshAhead },
];

export function patternDefinition(id: PatternId): PatternDefinition {
  const found = PATTERNS.find((pattern) => pattern.id === id);
  if (!found) throw new Error(`Unknown pattern "${id}".`);
  return found;
}
