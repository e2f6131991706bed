/**
 * Flashcards (content/flashcards/*.yaml) and interview scenarios (content/interview/scenarios.yaml)
 * as data, read once per process (development re-reads them). The content checker reports the
 * problems readDrillContent finds; here an invalid file is a hard error.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { micromark } from 'micromark';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { formatProblem, lineOfText, type ContentProblem } from './checker/problems';
import { Flashcard, Scenario } from './drill-schema';
import { CONTENT_DIR } from './lessons';

export interface DrillContent {
  cards: Flashcard[];
  scenarios: Scenario[];
  cardsById: Map<string, Flashcard>;
}

function readYamlList(file: string, shown: string, problems: ContentProblem[]): unknown[] {
  const source = readFileSync(file, 'utf8');
  const document = parseDocument(source);
  if (document.errors.length > 0) {
    for (const error of document.errors)
      problems.push({
        file: shown,
        line: error.linePos?.[0]?.line ?? 0,
        message: `not valid YAML: ${error.message.split('\n')[0]}`,
      });
    return [];
  }
  const data: unknown = document.toJS();
  if (!Array.isArray(data)) {
    problems.push({ file: shown, line: 1, message: 'must be a YAML list (each item starts with "- id: …")' });
    return [];
  }
  return data;
}

function validateItems<T extends { id: string }>(
  schema: z.ZodType<T>,
  items: unknown[],
  file: string,
  source: string,
  problems: ContentProblem[],
): T[] {
  const valid: T[] = [];
  items.forEach((item, position) => {
    const parsed = schema.safeParse(item);
    const id = (item as { id?: unknown } | null)?.id;
    const line = typeof id === 'string' ? lineOfText(source, `id: ${id}`) : 0;
    if (parsed.success) valid.push(parsed.data);
    else
      for (const issue of parsed.error.issues.slice(0, 5))
        problems.push({
          file,
          line,
          message: `item ${position + 1}${typeof id === 'string' ? ` (${id})` : ''}: "${issue.path.join('.')}": ${issue.message}`,
        });
  });
  return valid;
}

/**
 * Reads and validates every flashcard and scenario: valid items are kept, and each problem (bad
 * YAML, a schema error, a duplicate id, a lesson that does not exist) names its file and line.
 */
export function readDrillContent(contentDir: string): {
  problems: ContentProblem[];
  cards: Flashcard[];
  scenarios: Scenario[];
} {
  const problems: ContentProblem[] = [];
  const lessons = new Set(
    existsSync(path.join(contentDir, 'lessons'))
      ? readdirSync(path.join(contentDir, 'lessons')).map((name) => name.replace(/\.mdx$/, ''))
      : [],
  );
  const ids = new Map<string, string>();
  const cards: Flashcard[] = [];
  const cardDir = path.join(contentDir, 'flashcards');
  const cardFiles = existsSync(cardDir)
    ? readdirSync(cardDir)
        .filter((name) => /\.ya?ml$/.test(name))
        .sort()
    : [];
  const claim = (id: string, file: string, line: number) => {
    const other = ids.get(id);
    if (other) problems.push({ file, line, message: `id "${id}" is also used in ${other}: ids must be unique` });
    ids.set(id, file);
  };
  for (const name of cardFiles) {
    const file = `content/flashcards/${name}`;
    const source = readFileSync(path.join(cardDir, name), 'utf8');
    for (const card of validateItems(
      Flashcard,
      readYamlList(path.join(cardDir, name), file, problems),
      file,
      source,
      problems,
    )) {
      const line = lineOfText(source, `id: ${card.id}`);
      claim(card.id, file, line);
      if (!lessons.has(card.lesson))
        problems.push({ file, line, message: `card "${card.id}": lesson "${card.lesson}" does not exist` });
      cards.push(card);
    }
  }
  let scenarios: Scenario[] = [];
  const scenarioFile = path.join(contentDir, 'interview', 'scenarios.yaml');
  if (existsSync(scenarioFile)) {
    const file = 'content/interview/scenarios.yaml';
    const source = readFileSync(scenarioFile, 'utf8');
    scenarios = validateItems(Scenario, readYamlList(scenarioFile, file, problems), file, source, problems);
    for (const scenario of scenarios) {
      const line = lineOfText(source, `id: ${scenario.id}`);
      claim(scenario.id, file, line);
      for (const lesson of scenario.lessons)
        if (!lessons.has(lesson))
          problems.push({ file, line, message: `scenario "${scenario.id}": lesson "${lesson}" does not exist` });
    }
  }
  return { problems, cards, scenarios };
}

let cached: DrillContent | undefined;

export function drillContent(): DrillContent {
  if (cached && process.env.NODE_ENV !== 'development') return cached;
  const { problems, cards, scenarios } = readDrillContent(CONTENT_DIR);
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
