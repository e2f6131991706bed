/**
 * The console's `help` (and `?`) on the Valkey and Redis OSS engines: valkey-cli's own help, which
 * the CLI answers itself and never sends (valkey-cli.c cliOutputHelp; redis-cli.c for Redis OSS),
 * so it works inside MULTI and in subscribe mode as it does there, takes no learner session and
 * queues nothing. What it prints is what the CLI shows on a terminal, without its styling: the CLI
 * writes the name in bold, the syntax in grey and the labels in yellow with SGR escape codes and
 * ends those lines with CR LF; the console prints plain text, so the codes and the CRs are left out
 * (parity.test.ts compares against valkey-cli with exactly those removed).
 * - `help`: the generic help, naming the CLI and its version (cli-help-table.ts cliVersion);
 * - `help <command> [<subcommand>]`: every entry whose first words match, case-insensitively
 *   (`help config` lists CONFIG and all its subcommands), with syntax, summary, since and group;
 * - `help @<group>`: every command and subcommand of the group, without the group line;
 * - anything else: nothing, as the CLI prints only its final empty line.
 */
import 'server-only';
import { getValkey } from '@/lib/valkey/connections';
import { cliHelpEntries, cliVersion, type CliHelpEntry } from './cli-help-table';
import { sandboxRoleFor, type RespEngine } from './engine-routing';
import type { ExecOutcome } from './exec-outcome';
import type { SandboxLimits } from './limits';

interface CliHelpTable {
  version: string;
  entries: CliHelpEntry[];
}

/** True for a line the CLI answers itself: its first word is `help` or `?`, in any case. */
export function isCliHelp(name: string): boolean {
  return name === 'help' || name === '?';
}

// The docs change only with the server's version: one read per process and engine, as the CLI reads them once.
const cached: Partial<Record<RespEngine, Promise<CliHelpTable>>> = {};

/** The engine's help table; throws ValkeyUnavailableError when its server cannot be reached. */
export function loadCliHelp(engine: RespEngine): Promise<CliHelpTable> {
  cached[engine] ??= (async () => {
    const client = await getValkey(sandboxRoleFor(engine));
    const [reply, info] = await Promise.all([client.call('COMMAND', 'DOCS'), client.info('server')]);
    return { version: cliVersion(info, engine), entries: cliHelpEntries(reply, engine) };
  })().catch((error: unknown) => {
    delete cached[engine]; // a server that was down may be up on the next request
    throw error;
  });
  return cached[engine];
}

/** strcasecmp: only ASCII letters fold, as in the CLI. */
const asciiLower = (value: string) => value.replace(/[A-Z]/g, (letter) => letter.toLowerCase());

function genericHelp(engine: RespEngine, version: string): string {
  const [cli, server] = engine === 'valkey' ? ['valkey-cli', 'Valkey'] : ['redis-cli', 'Redis'];
  return [
    `${cli} ${version}`,
    `To get help about ${server} commands type:`,
    '      "help @<group>" to get a list of commands in <group>',
    '      "help <command>" for help on <command>',
    '      "help <tab>" to get a list of possible help topics',
    '      "quit" to exit',
    '',
    `To set ${cli} preferences:`,
    '      ":set hints" enable online hints',
    '      ":set nohints" disable online hints',
    `Set your preferences in ~/.${cli.replace('-', '')}rc`,
  ].join('\n');
}

/** cliOutputCommandHelp without its styling: each entry opens with an empty line. */
function entryHelp(entry: CliHelpEntry, withGroup: boolean): string {
  const lines = ['', `  ${entry.full} ${entry.params}`, `  summary: ${entry.summary}`];
  if (entry.since !== undefined) lines.push(`  since: ${entry.since}`);
  // A command without a group is printed as glibc prints a NULL string; none has one today.
  if (withGroup) lines.push(`  group: ${entry.group ?? '(null)'}`);
  return lines.map((line) => `${line}\n`).join('');
}

/** What the CLI prints for `help` followed by `topics`, without the final newline. */
export function cliHelpText(topics: readonly string[], engine: RespEngine, table: CliHelpTable): string {
  if (topics.length === 0) return genericHelp(engine, table.version);
  const first = asciiLower(topics[0] ?? '');
  if (first.startsWith('@')) {
    const group = first.slice(1);
    return table.entries
      .filter((entry) => entry.group !== undefined && asciiLower(entry.group) === group)
      .map((entry) => entryHelp(entry, false))
      .join('');
  }
  const wanted = topics.map(asciiLower);
  return table.entries
    .filter(
      (entry) =>
        wanted.length <= entry.words.length && wanted.every((word, index) => asciiLower(entry.words[index]!) === word),
    )
    .map((entry) => entryHelp(entry, true))
    .join('');
}

/** The exec route's answer to a `help` line: the CLI's text, always ok (the CLI never errs here). */
export async function cliHelpAnswer(
  topics: readonly string[],
  engine: RespEngine,
  limits: SandboxLimits,
): Promise<ExecOutcome> {
  const started = performance.now();
  const text = cliHelpText(topics, engine, await loadCliHelp(engine));
  // Far under the limit (the largest group, @server, is about 10 KB), but the limit holds for every reply.
  const truncated = text.length > limits.maxReplyTextChars;
  const shown = truncated
    ? `${text.slice(0, limits.maxReplyTextChars)}\n… (help cut at ${limits.maxReplyTextChars} characters)`
    : text;
  return {
    kind: 'reply',
    body: {
      ok: true,
      text: shown,
      reply: truncated ? null : { type: 'text', value: text },
      ms: Math.round((performance.now() - started) * 100) / 100,
      ...(truncated ? { truncated } : {}),
    },
  };
}
