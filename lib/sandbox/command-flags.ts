import 'server-only';
import { getValkey } from '@/lib/valkey/connections';
import { keyedRunCommands } from './command-table';
import { sandboxRoleFor, type RespEngine } from './engine-routing';

/**
 * Which allowed commands write, and which may grow memory (`denyoom`), as the running server
 * reports them in COMMAND INFO (flags and ACL categories); read once per process and engine, from
 * that engine's own server (Redis OSS 7.0 and Valkey 8 flag some commands differently).
 */
export interface CommandFlags {
  writes: Set<string>;
  growsMemory: Set<string>;
  /**
   * Writes that may bring a key into being: those that may grow memory, and the ones that move a
   * key to a new name without growing memory. The per-learner key index (key-index.ts) adds only these.
   */
  mayCreateKeys: Set<string>;
  /**
   * Writes that may leave a string at a key (string and bitmap commands, PF commands, key moves):
   * a HyperLogLog is a string, so only these can turn a trusted key into a hand-made one
   * (hyperloglog-guard.ts). A list, hash, set, sorted set or stream at that name is WRONGTYPE to PFCOUNT.
   */
  mayWriteString: Set<string>;
}

/** Writes without `denyoom` that still make a key appear under a new name. */
const KEY_MOVES = new Set(['rename', 'renamenx', 'smove', 'copy', 'move', 'restore']);
const STRING_CATEGORIES = ['@string', '@bitmap', '@hyperloglog'];

// Per engine, on globalThis so that hot reload in development reads them once, not once per reload.
const cache = globalThis as typeof globalThis & {
  keyspaceCommandFlags?: Partial<Record<RespEngine, Promise<CommandFlags>>>;
  keyspaceCommandFlagsLoaded?: Partial<Record<RespEngine, CommandFlags>>;
};
const loading = (cache.keyspaceCommandFlags ??= {});
const loaded = (cache.keyspaceCommandFlagsLoaded ??= {});

/** The flags once loaded, without a promise to wait for (every command needs them). */
export function loadedCommandFlags(engine: RespEngine = 'valkey'): CommandFlags | undefined {
  return loaded[engine];
}

export function commandFlags(engine: RespEngine = 'valkey'): Promise<CommandFlags> {
  loading[engine] ??= readCommandFlags(engine).then(
    (flags) => (loaded[engine] = flags),
    (error: unknown) => {
      delete loading[engine];
      throw error;
    },
  );
  return loading[engine];
}

async function readCommandFlags(engine: RespEngine): Promise<CommandFlags> {
  const admin = await getValkey(sandboxRoleFor(engine));
  const names = keyedRunCommands();
  const info = (await admin.call('COMMAND', 'INFO', ...names)) as (
    [string, number, string[], number, number, number, string[]] | null
  )[];
  const flags: CommandFlags = {
    writes: new Set(),
    growsMemory: new Set(),
    mayCreateKeys: new Set(),
    mayWriteString: new Set(),
  };
  info.forEach((row, index) => {
    if (!row) return;
    const name = names[index]!;
    if (!row[2].includes('write')) return;
    flags.writes.add(name);
    if (row[2].includes('denyoom')) flags.growsMemory.add(name);
    if (row[2].includes('denyoom') || KEY_MOVES.has(name)) flags.mayCreateKeys.add(name);
    if (KEY_MOVES.has(name) || row[6].some((category) => STRING_CATEGORIES.includes(category)))
      flags.mayWriteString.add(name);
  });
  return flags;
}
