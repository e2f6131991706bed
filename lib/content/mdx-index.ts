/**
 * Reads a lesson's MDX as data, without running it: which components it uses and with what
 * attributes, its quizzes with their answers, its runnable commands and its links, each with the
 * line it is on. The content checker validates this; the progress API scores quiz answers with it.
 * Only literal attribute values count: an author who writes command={someVariable} gets an error.
 */
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Node, Parent } from 'unist';

export interface IndexedElement {
  name: string;
  line: number;
  /** Attribute name → literal string value, `true` for a bare attribute, or null for an expression. */
  attributes: Record<string, string | true | null>;
}

export interface IndexedQuiz {
  id: string | null;
  question: string | null;
  line: number;
  /** `why`: the choice's own explanation (a plain-string attribute), or null when absent or an expression. */
  choices: { correct: boolean; text: string; why: string | null; line: number }[];
  hasExplanation: boolean;
}

export interface MdxIndex {
  elements: IndexedElement[];
  quizzes: IndexedQuiz[];
  /** `engine`: the <Run engine="…"> attribute as written (null for Valkey, the default). */
  runs: { command: string | null; line: number; engine: string | null }[];
  challenges: { id: string | null; line: number }[];
  links: { url: string; line: number }[];
}

interface JsxNode extends Parent {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
}

const isJsx = (node: Node): node is JsxNode => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
const lineOf = (node: Node) => node.position?.start.line ?? 0;

function attributesOf(node: JsxNode): IndexedElement['attributes'] {
  const attributes: IndexedElement['attributes'] = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
    const value = attribute.value;
    attributes[attribute.name] =
      value === null || value === undefined ? true : typeof value === 'string' ? value : null;
  }
  return attributes;
}

function textOf(node: Node): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node && Array.isArray(node.children)) return (node.children as Node[]).map(textOf).join('');
  return '';
}

const stringAttribute = (value: string | true | null | undefined) => (typeof value === 'string' ? value : null);

/** Parses MDX source. Throws with a line and column (from the MDX parser) when the syntax is wrong. */
export function indexMdx(source: string): MdxIndex {
  const tree = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkMdx).parse(source);
  const index: MdxIndex = { elements: [], quizzes: [], runs: [], challenges: [], links: [] };
  visit(tree, (node: Node) => {
    if (node.type === 'link' && 'url' in node && typeof node.url === 'string')
      index.links.push({ url: node.url, line: lineOf(node) });
    if (!isJsx(node) || !node.name) return;
    const attributes = attributesOf(node);
    index.elements.push({ name: node.name, line: lineOf(node), attributes });
    if (node.name === 'Run')
      index.runs.push({
        command: stringAttribute(attributes.command),
        line: lineOf(node),
        engine: stringAttribute(attributes.engine),
      });
    if (node.name === 'Challenge') index.challenges.push({ id: stringAttribute(attributes.id), line: lineOf(node) });
    if (node.name === 'Quiz') {
      const quiz: IndexedQuiz = {
        id: stringAttribute(attributes.id),
        question: stringAttribute(attributes.question),
        line: lineOf(node),
        choices: [],
        hasExplanation: false,
      };
      // A one-line <Choice>…</Choice> sits inside a paragraph, so look below direct children too.
      visit(node, (child: Node) => {
        if (child === node || !isJsx(child)) return;
        if (child.name === 'Choice') {
          const choice = attributesOf(child);
          const why = stringAttribute(choice.why)?.trim();
          quiz.choices.push({
            correct: choice.correct === true,
            text: textOf(child).trim(),
            why: why || null,
            line: lineOf(child),
          });
        }
        if (child.name === 'Explanation') quiz.hasExplanation = textOf(child).trim().length > 0;
      });
      index.quizzes.push(quiz);
    }
  });
  return index;
}
