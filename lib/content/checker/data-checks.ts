/**
 * Checks the drill content: every flashcard file and the interview scenarios parse, match their
 * schema, use unique ids, and point at lessons that exist. The loader does the reading.
 */
import { readDrillContent } from '../flashcards';
import type { ContentProblem } from './problems';

export function checkContentData(contentDir: string): { problems: ContentProblem[]; summary: string } {
  const { problems, cards, scenarios } = readDrillContent(contentDir);
  return { problems, summary: `${cards.length} flashcards, ${scenarios.length} interview scenarios` };
}
