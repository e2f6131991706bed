/**
 * Flashcards and interview scenarios as data, read once per process (development re-reads them).
 * The content checker validates the same files; here an invalid file is a hard error.
 */
import { micromark } from 'micromark';
import { CONTENT_DIR } from './lessons';
import { checkContentData } from './checker/data-checks';
import { formatProblem } from './checker/problems';
import type { Flashcard, Scenario } from './drill-schema';

export interface DrillContent {
  cards: Flashcard[];
  scenarios: Scenario[];
  cardsById: Map<string, Flashcard>;
}

let cached: DrillContent | undefined;

export function drillContent(): DrillContent {
  if (cached && process.env.NODE_ENV !== 'development') return cached;
  const { problems, cards, scenarios } = checkContentData(CONTENT_DIR);
  if (problems.length > 0) throw new Error(`Invalid drill content:\n${problems.map(formatProblem).join('\n')}`);
  return (cached = { cards, scenarios, cardsById: new Map(cards.map((card) => [card.id, card])) });
}

/**
 * Markdown to HTML for answers. micromark escapes raw HTML in the source, so the result is safe to
 * insert even though the content is ours anyway.
 */
export function markdownToHtml(markdown: string): string {
  return micromark(markdown);
}
