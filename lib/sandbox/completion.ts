/**
 * What the console editor knows about a command line while it is being typed: which word is the
 * command, which are strings, numbers and argument tokens (highlighting), what may come next
 * (completion) and what a word means (hover). Pure functions over the command reference that
 * GET /api/sandbox/docs sends; the Monaco glue is components/sandbox/valkey-language.ts.
 * Every line is a command of its own, as in multi-line mode each line is sent separately.
 */
import type { CommandDoc, CommandReference, TokenDoc } from './command-docs';

export interface LineWord {
  /** The word as typed, quotes included. */
  raw: string;
  /** Without quotes (escapes are left as typed: this is for matching, not for sending). */
  text: string;
  start: number;
  end: number;
  quoted: boolean;
}

/** Splits a line as valkey-cli does, leniently: an unclosed quote runs to the end of the line. */
export function splitWords(line: string): LineWord[] {
  const words: LineWord[] = [];
  let index = 0;
  while (index < line.length) {
    while (index < line.length && /\s/.test(line[index]!)) index++;
    if (index >= line.length) break;
    const start = index;
    const quote = line[index] === '"' || line[index] === "'" ? line[index] : undefined;
    if (quote) {
      index++;
      while (index < line.length && line[index] !== quote) index += line[index] === '\\' && quote === '"' ? 2 : 1;
      index = Math.min(index + 1, line.length);
    } else {
      while (index < line.length && !/\s/.test(line[index]!)) index++;
    }
    const raw = line.slice(start, index);
    const text = quote ? raw.slice(1, raw.length > 1 && raw.endsWith(quote) ? -1 : undefined) : raw;
    words.push({ raw, text, start, end: index, quoted: quote !== undefined });
  }
  return words;
}

export type WordKind = 'command' | 'subcommand' | 'token' | 'string' | 'number' | 'argument';

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$|^[-+]?inf$/i;

interface LineCommand {
  name: string;
  doc?: CommandDoc;
  /** Words the command's own name takes: 2 for "OBJECT ENCODING". */
  nameWords: number;
}

function commandOf(words: LineWord[], reference: CommandReference | null): LineCommand | undefined {
  const first = words[0];
  if (!first) return undefined;
  const name = first.text.toUpperCase();
  const doc = reference && Object.hasOwn(reference, name) ? reference[name] : undefined;
  const subName = words[1]?.text.toUpperCase();
  const sub =
    doc?.subcommands && subName && Object.hasOwn(doc.subcommands, subName) ? doc.subcommands[subName] : undefined;
  if (sub) return { name: `${name} ${subName}`, doc: sub, nameWords: 2 };
  return { name, doc, nameWords: 1 };
}

function findToken(doc: CommandDoc | undefined, word: string): TokenDoc | undefined {
  const upper = word.toUpperCase();
  return doc?.tokens.find((token) => token.token === upper);
}

/** The kind of every word, for highlighting. */
export function classifyLine(
  line: string,
  reference: CommandReference | null,
): Array<{ start: number; end: number; kind: WordKind }> {
  const words = splitWords(line);
  const command = commandOf(words, reference);
  return words.map((word, index) => {
    let kind: WordKind;
    if (index === 0) kind = 'command';
    else if (index < (command?.nameWords ?? 1)) kind = 'subcommand';
    else if (word.quoted) kind = 'string';
    else if (NUMBER.test(word.text)) kind = 'number';
    else if (findToken(command?.doc, word.text)) kind = 'token';
    else kind = 'argument';
    return { start: word.start, end: word.end, kind };
  });
}

export interface Suggestion {
  label: string;
  kind: 'command' | 'subcommand' | 'token';
  /** One line shown beside the label: the syntax. */
  detail: string;
  /** One plain sentence: the command's summary, or what the token is. */
  summary: string;
  /** Markdown. */
  documentation: string;
}

/** Markdown describing a command: syntax, summary, complexity, since-version and group. */
export function describeCommand(name: string, doc: CommandDoc): string {
  const facts = [
    doc.complexity && `Complexity: ${doc.complexity}`,
    doc.since && `Since ${doc.since}`,
    doc.group && `Group: ${doc.group}`,
  ];
  const parts = [`\`${`${name} ${doc.syntax}`.trim()}\``, doc.summary, facts.filter(Boolean).join(' · ')];
  if (doc.deprecated) parts.push(`Deprecated: use ${doc.deprecated} instead.`);
  return parts.filter(Boolean).join('\n\n');
}

function tokenSummary(command: string, token: TokenDoc): string {
  return `An argument of ${command}${token.multiple ? ', may be repeated' : ''}.`;
}

function describeToken(command: string, token: TokenDoc): string {
  return `\`${token.token}${token.value ? ` ${token.value}` : ''}\`: an argument of ${command}${token.multiple ? ', may be repeated' : ''}.`;
}

function isExcluded(token: TokenDoc, used: TokenDoc[]): boolean {
  return used.some(
    (other) =>
      (other.token === token.token && !token.multiple) ||
      (token.group !== undefined && other.group === token.group && other.branch !== token.branch),
  );
}

/**
 * Suggestions for the word the cursor (a 0-based offset into `line`) is in or about to start:
 * command names first, then a container's subcommands, then the command's argument tokens not
 * yet used. `from`..`to` is the text a chosen suggestion replaces.
 */
export function suggestAt(
  line: string,
  cursor: number,
  reference: CommandReference,
): { from: number; to: number; items: Suggestion[] } {
  const words = splitWords(line.slice(0, cursor));
  const current = words.at(-1)?.end === cursor ? words.pop() : undefined;
  const from = current?.start ?? cursor;
  const none = { from, to: cursor, items: [] };
  if (current?.quoted) return none;
  const prefix = (current?.text ?? '').toUpperCase();
  const matches = (label: string) => label.startsWith(prefix);

  if (words.length === 0) {
    const items = Object.entries(reference)
      .filter(([name]) => matches(name))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, doc]): Suggestion => ({
        label: name,
        kind: 'command',
        detail: `${name} ${doc.syntax}`.trim(),
        summary: doc.summary,
        documentation: describeCommand(name, doc),
      }));
    return { from, to: cursor, items };
  }
  const name = words[0]!.text.toUpperCase();
  const doc = Object.hasOwn(reference, name) ? reference[name] : undefined;
  if (!doc) return none;
  if (words.length === 1 && doc.subcommands) {
    const items = Object.entries(doc.subcommands)
      .filter(([sub]) => matches(sub))
      .map(([sub, subDoc]): Suggestion => ({
        label: sub,
        kind: 'subcommand',
        detail: `${name} ${sub} ${subDoc.syntax}`.trim(),
        summary: subDoc.summary,
        documentation: describeCommand(`${name} ${sub}`, subDoc),
      }));
    return { from, to: cursor, items };
  }
  const command = commandOf(words, reference)!;
  const tokens = command.doc?.tokens ?? [];
  const used = words.slice(command.nameWords).flatMap((word) => findToken(command.doc, word.text) ?? []);
  const items = tokens
    .filter((token) => matches(token.token) && !isExcluded(token, used))
    .map((token): Suggestion => ({
      label: token.token,
      kind: 'token',
      detail: `${token.token}${token.value ? ` ${token.value}` : ''}`,
      summary: tokenSummary(command.name, token),
      documentation: describeToken(command.name, token),
    }));
  return { from, to: cursor, items };
}

/** Markdown for the word under the cursor (0-based offset), or null if there is nothing to say. */
export function hoverAt(
  line: string,
  offset: number,
  reference: CommandReference,
): { from: number; to: number; markdown: string } | null {
  const words = splitWords(line);
  const index = words.findIndex((word) => word.start <= offset && offset < word.end);
  const word = words[index];
  if (!word) return null;
  const command = commandOf(words, reference);
  if (!command?.doc) return null;
  if (index < command.nameWords)
    return { from: word.start, to: word.end, markdown: describeCommand(command.name, command.doc) };
  const token = word.quoted ? undefined : findToken(command.doc, word.text);
  return token ? { from: word.start, to: word.end, markdown: describeToken(command.name, token) } : null;
}
