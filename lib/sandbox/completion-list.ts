/**
 * The completion list of the console's plain input (phones and narrow screens, where Monaco is
 * never loaded): when it opens, what it offers, and what accepting an entry does to the line.
 * The suggestions themselves are the Monaco editor's (suggestAt in completion.ts), so both
 * editors offer the same commands, subcommands and argument tokens, in the same order.
 */
import type { CommandReference } from './command-docs';
import { suggestAt, type Suggestion } from './completion';

export interface CompletionList {
  /** The line's text that an accepted entry replaces: the whole word the cursor is in. */
  from: number;
  to: number;
  items: Suggestion[];
}

/**
 * The list for the cursor (a 0-based offset into `line`), or null when it should stay closed:
 * nothing typed yet in the current word (a list after every space would cover the output while
 * the learner types a key name), no match, or the only match already typed in full.
 */
export function completionListAt(line: string, cursor: number, reference: CommandReference): CompletionList | null {
  const { from, items } = suggestAt(line, cursor, reference);
  const typed = line.slice(from, cursor).toUpperCase();
  if (typed === '' || items.length === 0) return null;
  if (items.length === 1 && items[0]!.label === typed) return null;
  const wordEnd = cursor + (/^\S*/.exec(line.slice(cursor))?.[0].length ?? 0);
  return { from, to: wordEnd, items };
}

/**
 * The line once `label` replaces `from`..`to`, followed by one space (ready for the next word)
 * unless a space is already there, and the cursor after that space.
 */
export function acceptCompletion(
  line: string,
  range: Pick<CompletionList, 'from' | 'to'>,
  label: string,
): { line: string; cursor: number } {
  const rest = line.slice(range.to);
  const inserted = rest.startsWith(' ') ? label : `${label} `;
  const cursor = range.from + inserted.length + (rest.startsWith(' ') ? 1 : 0);
  return { line: line.slice(0, range.from) + inserted + rest, cursor };
}

/** The argument hint shown after an entry's name: its syntax without the name itself. */
export function argumentHint(item: Pick<Suggestion, 'label' | 'detail'>): string {
  const at = item.detail.indexOf(item.label);
  return at < 0 ? item.detail : item.detail.slice(at + item.label.length).trim();
}

/** The next active entry for ↓ (+1) or ↑ (-1), wrapping; -1 means none is active yet. */
export function moveActive(active: number, step: 1 | -1, count: number): number {
  if (count === 0) return -1;
  if (active < 0) return step === 1 ? 0 : count - 1;
  return (active + step + count) % count;
}
