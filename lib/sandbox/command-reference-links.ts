/**
 * Where each engine's commands are on the command reference page (/sandbox/commands): one section
 * per engine, reached by its anchor. Client-safe (the sandbox page's link reads it for the console's
 * engine), so nothing here may import the rules tables.
 */
import type { SandboxEngine } from './engines';

export const COMMAND_REFERENCE_PATH = '/sandbox/commands';

/** The id of each engine's section heading on the page. */
export const COMMAND_REFERENCE_ANCHORS: Record<SandboxEngine, string> = {
  valkey: 'valkey',
  redis: 'redis-oss',
  memcached: 'memcached',
};

export function commandReferenceHref(engine: SandboxEngine): string {
  return `${COMMAND_REFERENCE_PATH}#${COMMAND_REFERENCE_ANCHORS[engine]}`;
}
