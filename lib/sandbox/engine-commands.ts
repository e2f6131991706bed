/**
 * What the browser's console knows about each engine's command language, with no server code (the
 * console, the content checker's static pass and the lessons' <Run> blocks import it): the prompt
 * it shows, how a typed text splits into commands, and how completion and hover spell Memcached's
 * commands. Its command reference is memcached-reference.ts, loaded only when a console needs it
 * (Valkey and Redis OSS share the reference the server generates from COMMAND DOCS). Memcached's
 * text protocol is case-sensitive: its commands are lower-case.
 */
import type { Suggestion } from './completion';
import type { SandboxEngine } from './engines';

/**
 * The console's prompt: the engine's name for the Valkey-protocol engines (both CLIs print
 * `127.0.0.1:6379>`; the name tells the two consoles apart), and a bare `>` for Memcached, whose
 * learners type into `nc`/`telnet`, which prints none.
 */
export const ENGINE_PROMPTS: Record<SandboxEngine, string> = { valkey: 'valkey>', redis: 'redis>', memcached: '>' };

/** The storage commands, whose header line is followed by a data block of the declared length. */
export const MEMCACHED_STORAGE_COMMANDS = ['set', 'add', 'replace', 'append', 'prepend', 'cas'] as const;

/**
 * Hover and completion text as the engine spells its commands: for Memcached, the usage line (the
 * first code span) and "an argument of SET" in lower case. Replies named in a summary
 * (`VERSION 1.6.x`, `NOT_FOUND`) keep their case.
 */
export function engineDocumentation(text: string, engine: SandboxEngine): string {
  if (engine !== 'memcached') return text;
  return text
    .replace(/^`[^`]*`/, (usage) => usage.toLowerCase())
    .replace(/(an argument of )([A-Z_]+)/i, (_, words: string, name: string) => `${words}${name.toLowerCase()}`);
}

/** Suggestions as the engine spells its commands: Memcached's in lower case (it rejects `SET`). */
export function engineSuggestions<T extends Pick<Suggestion, 'label' | 'detail' | 'summary' | 'documentation'>>(
  items: T[],
  engine: SandboxEngine,
): T[] {
  if (engine !== 'memcached') return items;
  return items.map((item) => ({
    ...item,
    label: item.label.toLowerCase(),
    detail: item.detail.replace(item.label, item.label.toLowerCase()),
    summary: engineDocumentation(item.summary, engine),
    documentation: engineDocumentation(item.documentation, engine),
  }));
}

/** Words of a line as the text protocol reads them: split on spaces, no quoting. */
export const words = (line: string) => line.trim().split(/\s+/).filter(Boolean);

/**
 * How many words a storage command's header has (without the data): set k 0 60 3 → 5, with a
 * trailing noreply → 6; cas has one more. null when the line is not a storage command.
 */
export function storageHeaderLength(parts: string[]): number | null {
  const name = parts[0] as (typeof MEMCACHED_STORAGE_COMMANDS)[number] | undefined;
  if (!name || !MEMCACHED_STORAGE_COMMANDS.includes(name)) return null;
  const base = name === 'cas' ? 6 : 5;
  return parts[base] === 'noreply' ? base + 1 : base;
}

/** True for a Memcached storage command's header typed without its data block (which comes on the next line). */
export function awaitsDataBlock(line: string): boolean {
  const parts = words(line);
  const header = storageHeaderLength(parts);
  return header !== null && parts.length === header;
}

/**
 * The commands in a text typed into the console: each non-empty line for Valkey and Redis OSS; for
 * Memcached, a storage command's header and the line after it (its data block) are one command,
 * sent as the API takes it (`"set user:1 0 60 3\nada"`). A data block may be empty or spaces.
 */
export function splitConsoleInput(text: string, engine: SandboxEngine): string[] {
  const lines = text.split(/\r?\n/);
  const commands: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (engine === 'memcached' && awaitsDataBlock(line) && index + 1 < lines.length) {
      commands.push(`${line.trim()}\n${lines[++index]}`);
    } else if (line.trim() !== '') commands.push(engine === 'memcached' ? line.trim() : line);
  }
  return commands;
}
