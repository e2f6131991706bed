/** A problem the content checker found: where it is and what to do about it. */
export interface ContentProblem {
  /** Path relative to the project root, e.g. content/lessons/data-types.mdx. */
  file: string;
  /** 1-based line, or 0 when the problem concerns the whole file. */
  line: number;
  message: string;
}

export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}${problem.line > 0 ? `:${problem.line}` : ''}: ${problem.message}`;
}

/** The first line on which `text` appears in `source` (1-based), or fallback when it does not. */
export function lineOfText(source: string, text: string, fallback = 1): number {
  const at = source.indexOf(text);
  return at < 0 ? fallback : source.slice(0, at).split('\n').length;
}
