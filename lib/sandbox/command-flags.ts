import 'server-only';
import { getValkey } from '@/lib/valkey/connections';
import { fixedKeyCommands } from './command-table';

/**
 * Which allowed commands write, and which may grow memory (`denyoom`), as the running server
 * reports them in COMMAND INFO; read once per process.
 */
export interface CommandFlags {
  writes: Set<string>;
  growsMemory: Set<string>;
}

const cache = globalThis as typeof globalThis & {
  keyspaceCommandFlags?: Promise<CommandFlags>;
  keyspaceCommandFlagsLoaded?: CommandFlags;
};

/** The flags once loaded, without a promise to wait for (every command needs them). */
export function loadedCommandFlags(): CommandFlags | undefined {
  return cache.keyspaceCommandFlagsLoaded;
}

export function commandFlags(): Promise<CommandFlags> {
  cache.keyspaceCommandFlags ??= (async () => {
    const admin = await getValkey('sandbox');
    const names = fixedKeyCommands().map(([name]) => name);
    const info = (await admin.call('COMMAND', 'INFO', ...names)) as ([string, number, string[]] | null)[];
    const flags: CommandFlags = { writes: new Set(), growsMemory: new Set() };
    info.forEach((row, index) => {
      if (!row) return;
      if (row[2].includes('write')) flags.writes.add(names[index]!);
      if (row[2].includes('denyoom')) flags.growsMemory.add(names[index]!);
    });
    cache.keyspaceCommandFlagsLoaded = flags;
    return flags;
  })().catch((error: unknown) => {
    delete cache.keyspaceCommandFlags;
    throw error;
  });
  return cache.keyspaceCommandFlags;
}
