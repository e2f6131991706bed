/**
 * The table behind the console's `help` on the Valkey and Redis OSS engines, built as the CLIs
 * build theirs: from the server's `COMMAND DOCS` (every command and subcommand the server has,
 * refused ones included, as valkey-cli lists them), one entry per command and subcommand, sorted by
 * name with strcmp. The parameter line is written the way each CLI writes it, which differs:
 * - valkey-cli 8.0 (valkey-cli.c makeHint/addHintForArguments): `display_text` before `name`,
 *   choices joined with `|`, and `(null)` for a command the docs give no `arguments` (glibc's
 *   printf of a NULL string, which is what valkey-cli 8.0 really prints for MULTI or OBJECT HELP);
 * - redis-cli 7.0 (redis-cli.c cliAddArgument): always `name`, and an empty line for no arguments.
 * Pure functions: lib/sandbox/cli-help.ts loads the reply and answers the console.
 */
import { list, readArgument, text, toMap, type RawArgument } from './command-docs';
import type { RespEngine } from './engine-routing';

export interface CliHelpEntry {
  /** The upper-case name words: ["GET"], or ["CONFIG", "GET"] for a subcommand. */
  words: string[];
  /** The words joined by a space: what the entry prints and is sorted by. */
  full: string;
  params: string;
  summary: string;
  since?: string;
  group?: string;
}

/** How the CLIs write an empty name or token in a syntax line (sdscat_orempty). */
const orEmpty = (value: string) => (value === '' ? '""' : value);

/** valkey-cli's addHintForArguments, with nothing typed yet (so nothing is matched). */
function valkeyHintForArguments(hint: string, args: RawArgument[], separator: string): string {
  let length = hint.length;
  args.forEach((argument, index) => {
    hint = valkeyHintForArgument(hint, argument);
    // addSeparator: only after a part that added text, and never after the last one.
    if (hint.length > length && index !== args.length - 1) {
      hint += separator;
      length = hint.length;
    }
  });
  return hint;
}

function valkeyHintBody(hint: string, argument: RawArgument): string {
  if (argument.type === 'oneof') return valkeyHintForArguments(hint, argument.children, '|');
  if (argument.type === 'block') return valkeyHintForArguments(hint, argument.children, ' ');
  if (argument.type === 'pure-token') return hint;
  return hint + orEmpty(argument.display ?? argument.name);
}

function valkeyHintForArgument(hint: string, argument: RawArgument): string {
  const optional = argument.flags.includes('optional');
  if (optional) hint += '[';
  if (argument.token !== undefined) {
    hint += orEmpty(argument.token);
    if (argument.type !== 'pure-token') hint += ' ';
  }
  hint = valkeyHintBody(hint, argument);
  if (argument.flags.includes('multiple')) {
    // addHintForRepeatedArgument: the space depends on the whole hint so far, not on this argument.
    if (hint !== '') hint += ' ';
    hint += '[';
    if (argument.multipleToken) {
      hint += orEmpty(argument.token ?? '');
      if (argument.type !== 'pure-token') hint += ' ';
    }
    hint = valkeyHintBody(hint, argument) + ' ...]';
  }
  return optional ? `${hint}]` : hint;
}

const REDIS_NAMED_TYPES = new Set(['key', 'string', 'integer', 'double', 'pattern', 'unix-time', 'token']);

/** redis-cli 7.0's cliAddArgument. */
function redisArgument(argument: RawArgument): string {
  let tokenPart = argument.token === undefined ? '' : orEmpty(argument.token);
  let repeatPart = '';
  if (REDIS_NAMED_TYPES.has(argument.type)) repeatPart = orEmpty(argument.name);
  else if (argument.type === 'oneof') repeatPart = argument.children.map(redisArgument).join('|');
  else if (argument.type === 'block') repeatPart = argument.children.map(redisArgument).join(' ');
  if (tokenPart !== '' && argument.type !== 'pure-token') tokenPart += ' ';
  let params = tokenPart + repeatPart;
  if (argument.flags.includes('multiple')) params += ` [${argument.multipleToken ? tokenPart : ''}${repeatPart} ...]`;
  return argument.flags.includes('optional') ? `[${params}]` : params;
}

/** The parameter line the engine's CLI prints after the command name. */
export function cliParams(rawArguments: unknown, engine: RespEngine): string {
  if (rawArguments === undefined) return engine === 'valkey' ? '(null)' : '';
  const args = list(rawArguments).map(readArgument);
  return engine === 'valkey' ? valkeyHintForArguments('', args, ' ') : args.map(redisArgument).join(' ');
}

function addEntries(
  entries: CliHelpEntry[],
  command: string,
  subcommand: string | undefined,
  raw: unknown,
  engine: RespEngine,
): void {
  const map = toMap(raw);
  const words = [command.toUpperCase()];
  // Subcommands are named "container|sub" in the docs.
  if (subcommand !== undefined) words.push(subcommand.slice(subcommand.indexOf('|') + 1).toUpperCase());
  const entry: CliHelpEntry = {
    words,
    full: words.join(' '),
    params: cliParams(map.get('arguments'), engine),
    summary: text(map.get('summary')) ?? '',
  };
  const since = text(map.get('since'));
  const group = text(map.get('group'));
  if (since !== undefined) entry.since = since;
  if (group !== undefined) entry.group = group;
  entries.push(entry);
  for (const [name, subRaw] of toMap(map.get('subcommands'))) addEntries(entries, command, name, subRaw, engine);
}

/** Byte order, as the CLIs' qsort with strcmp (localeCompare would put "CONFIG GET" elsewhere). */
const byFullName = (a: CliHelpEntry, b: CliHelpEntry) => (a.full < b.full ? -1 : a.full > b.full ? 1 : 0);

/** Every command and subcommand of a `COMMAND DOCS` reply as the engine's CLI lists them. */
export function cliHelpEntries(reply: unknown, engine: RespEngine): CliHelpEntry[] {
  const entries: CliHelpEntry[] = [];
  for (const [name, raw] of toMap(reply)) addEntries(entries, name, undefined, raw, engine);
  return entries.sort(byFullName);
}

/**
 * The version the CLI's generic help names: the CLI prints its own, and the sandbox's "CLI" is
 * the build of the server it runs on (valkey-cli 8.0.1 ships with valkey-server 8.0.1), so it is
 * that server's version from `INFO server`, with the git commit as cliVersion() adds it.
 */
export function cliVersion(info: string, engine: RespEngine): string {
  const field = (name: string) => new RegExp(`^${name}:(.*?)\\r?$`, 'm').exec(info)?.[1];
  const version = (engine === 'valkey' ? field('valkey_version') : undefined) ?? field('redis_version') ?? '';
  const sha = field('redis_git_sha1') ?? '0';
  // strtoll(sha, 16): a sha of zeros (a release build) adds nothing.
  if (!/[1-9a-f]/i.test(sha.replace(/[^0-9a-f].*$/i, ''))) return version;
  const dirty = Number.parseInt(field('redis_git_dirty') ?? '0', 10) ? '-dirty' : '';
  return `${version} (git:${sha}${dirty})`;
}
