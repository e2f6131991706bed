/**
 * The console's command reference (completion, hover, highlighting), generated from the running
 * server's `COMMAND DOCS` rather than written by hand, so it always matches the Valkey learners
 * type into. Only commands the sandbox accepts are included.
 */
import 'server-only';
import { allowedSubcommands, EMULATED_COMMANDS, keyedRunCommands, liveCommandNames } from './command-table';
import { getValkey } from '@/lib/valkey/connections';
import { sandboxRoleFor, type RespEngine } from './engine-routing';

/** An argument token such as SET's `EX seconds` or `NX`. */
export interface TokenDoc {
  token: string;
  /** What follows the token, as the syntax line shows it ("seconds"); absent for a pure token. */
  value?: string;
  /**
   * The nearest choice (`oneof`) the token is part of, and which of its alternatives: once a token
   * of one branch is typed, tokens of the other branches (NX after XX) are not offered.
   */
  group?: string;
  branch?: number;
  /** The token may be repeated (GET pattern [GET pattern ...]). */
  multiple?: boolean;
}

export interface CommandDoc {
  summary: string;
  since?: string;
  group?: string;
  complexity?: string;
  /** valkey-cli style syntax without the command name: "key value [NX | XX] [GET] …". */
  syntax: string;
  tokens: TokenDoc[];
  /** What replaces a deprecated command ("`SET` with the `NX` argument"). */
  deprecated?: string;
  /** For containers (OBJECT, XINFO…): keyed by the upper-case subcommand name. */
  subcommands?: Record<string, CommandDoc>;
}

/** Keyed by the upper-case command name. JSON-safe: it is what GET /api/sandbox/docs sends. */
export type CommandReference = Record<string, CommandDoc>;

/**
 * Emulated over the learner's own keys (command-table.ts), the transaction commands execute.ts
 * follows, and the pub/sub commands that run live.
 */
const EMULATED = [...EMULATED_COMMANDS, 'multi', 'exec', 'discard', 'watch', 'unwatch', ...liveCommandNames()];

export type RawMap = Map<string, unknown>;

/** RESP2 sends maps as flat [key, value, …] arrays; RESP3 clients may already give objects. */
export function toMap(value: unknown): RawMap {
  if (Array.isArray(value)) {
    const map: RawMap = new Map();
    for (let index = 0; index + 1 < value.length; index += 2) map.set(String(value[index]), value[index + 1]);
    return map;
  }
  if (value && typeof value === 'object') return new Map(Object.entries(value));
  return new Map();
}

export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString();
  return undefined;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** One argument of `COMMAND DOCS`, as read (cli-help-table.ts writes it as the CLIs do). */
export interface RawArgument {
  name: string;
  type: string;
  token?: string;
  display?: string;
  flags: string[];
  multipleToken: boolean;
  children: RawArgument[];
}

export function readArgument(raw: unknown): RawArgument {
  const map = toMap(raw);
  const flags = list(map.get('flags')).map((flag) => text(flag) ?? '');
  return {
    name: text(map.get('name')) ?? '',
    type: text(map.get('type')) ?? 'string',
    token: text(map.get('token')),
    display: text(map.get('display_text')),
    flags,
    multipleToken: flags.includes('multiple_token'),
    children: list(map.get('arguments')).map(readArgument),
  };
}

/** The argument as the docs' syntax line writes it, optional parts in [ ], choices in < | >. */
function renderArgument(argument: RawArgument): string {
  let inner: string;
  if (argument.type === 'pure-token') inner = argument.token ?? argument.name;
  else if (argument.type === 'oneof') {
    const choices = argument.children.map(renderArgument).join(' | ');
    inner = argument.flags.includes('optional') || argument.children.length < 2 ? choices : `<${choices}>`;
  } else if (argument.type === 'block') inner = argument.children.map(renderArgument).join(' ');
  else inner = argument.display ?? argument.name;

  const token = argument.type !== 'pure-token' && argument.token ? `${argument.token} ` : '';
  let rendered: string;
  if (argument.flags.includes('multiple')) {
    rendered = argument.multipleToken ? `${token}${inner} [${token}${inner} ...]` : `${token}${inner} [${inner} ...]`;
  } else rendered = `${token}${inner}`;
  return argument.flags.includes('optional') ? `[${rendered}]` : rendered;
}

/** Every token in the argument tree; alternatives of one `oneof` share a group. */
function collectTokens(
  argumentsList: RawArgument[],
  found: Map<string, TokenDoc>,
  choice?: { group: string; branch?: number },
): void {
  argumentsList.forEach((argument, index) => {
    const inChoice = choice && choice.branch === undefined ? { group: choice.group, branch: index } : choice;
    if (argument.token && !found.has(argument.token.toUpperCase())) {
      const doc: TokenDoc = { token: argument.token.toUpperCase() };
      if (argument.type !== 'pure-token') {
        const value = renderArgument({ ...argument, token: undefined, flags: [] });
        if (value) doc.value = value;
      }
      if (inChoice) Object.assign(doc, inChoice);
      if (argument.flags.includes('multiple')) doc.multiple = true;
      found.set(doc.token, doc);
    }
    // A oneof's children are its branches; the branch index is fixed one level down.
    const nested =
      argument.type === 'oneof'
        ? { group: inChoice ? `${inChoice.group}.${inChoice.branch}.${argument.name}` : argument.name }
        : inChoice;
    collectTokens(argument.children, found, nested);
  });
}

function toCommandDoc(raw: unknown, keepSubcommand: (name: string) => boolean): CommandDoc {
  const map = toMap(raw);
  const argumentsList = list(map.get('arguments')).map(readArgument);
  const tokens = new Map<string, TokenDoc>();
  collectTokens(argumentsList, tokens);
  const doc: CommandDoc = {
    summary: text(map.get('summary')) ?? '',
    syntax: argumentsList.map(renderArgument).join(' '),
    tokens: [...tokens.values()],
  };
  const since = text(map.get('since'));
  const group = text(map.get('group'));
  const complexity = text(map.get('complexity'));
  if (since) doc.since = since;
  if (group) doc.group = group;
  if (complexity) doc.complexity = complexity;
  const docFlags = list(map.get('doc_flags')).map(text);
  if (docFlags.includes('deprecated')) doc.deprecated = text(map.get('replaced_by')) ?? 'a newer command';

  const subcommands: Record<string, CommandDoc> = {};
  for (const [fullName, subRaw] of toMap(map.get('subcommands'))) {
    // Subcommands are named "container|sub".
    const sub = fullName.split('|')[1] ?? fullName;
    if (keepSubcommand(sub.toLowerCase())) subcommands[sub.toUpperCase()] = toCommandDoc(subRaw, () => false);
  }
  if (Object.keys(subcommands).length > 0) doc.subcommands = subcommands;
  return doc;
}

/** The names (lower case) to document: the allow-list (entries may be "container|sub") and the emulated ones. */
export function sandboxCommandNames(
  allowed: Iterable<string> = [...keyedRunCommands(), ...allowedSubcommands()],
): Map<string, Set<string> | 'all'> {
  const names = new Map<string, Set<string> | 'all'>();
  for (const entry of [...allowed, ...EMULATED]) {
    const [name = '', sub] = entry.toLowerCase().split('|');
    if (!sub) names.set(name, 'all');
    else {
      const current = names.get(name);
      if (current !== 'all') names.set(name, (current ?? new Set()).add(sub));
    }
  }
  return names;
}

/** Converts a `COMMAND DOCS` reply into the reference, keeping only the commands in `names`. */
export function toCommandReference(reply: unknown, names: Map<string, Set<string> | 'all'>): CommandReference {
  const reference: CommandReference = {};
  for (const [rawName, raw] of toMap(reply)) {
    const name = rawName.toLowerCase();
    const subs = names.get(name);
    if (!subs) continue;
    reference[name.toUpperCase()] = toCommandDoc(raw, (sub) => subs === 'all' || subs.has(sub));
  }
  return Object.fromEntries(Object.entries(reference).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The CLI's own `help` (valkey-cli's; redis-cli's on Redis OSS), which the console answers itself
 * (cli-help.ts): in the reference so that completion and hover know it like a command, with the
 * `@group` topics as its argument tokens (one topic per help line, so each is its own choice).
 */
export function cliHelpDoc(reference: CommandReference): CommandDoc {
  const groups = [...new Set(Object.values(reference).flatMap((doc) => doc.group ?? []))].sort();
  return {
    summary:
      "The CLI's own help, answered by the console and never sent to the server: the CLI's version and how to ask, one command's syntax and summary, or every command of a group.",
    syntax: '[@group | command [subcommand]]',
    tokens: groups.map((group, branch) => ({ token: `@${group.toUpperCase()}`, group: 'topic', branch })),
  };
}

// The docs only change with the server's version: one read per process and engine is enough.
const cached: Partial<Record<RespEngine, Promise<CommandReference>>> = {};

/**
 * The reference for an engine's server (Valkey's unless named: the console's help is Valkey's);
 * throws ValkeyUnavailableError when it cannot be reached.
 */
export function loadCommandDocs(engine: RespEngine = 'valkey'): Promise<CommandReference> {
  cached[engine] ??= (async () => {
    const client = await getValkey(sandboxRoleFor(engine));
    const names = sandboxCommandNames();
    const reply = await client.call('COMMAND', 'DOCS', ...names.keys());
    const reference = toCommandReference(reply, names);
    return Object.fromEntries(
      Object.entries({ ...reference, HELP: cliHelpDoc(reference) }).sort(([a], [b]) => a.localeCompare(b)),
    );
  })().catch((error: unknown) => {
    delete cached[engine]; // a server that was down may be up on the next request
    throw error;
  });
  return cached[engine];
}
