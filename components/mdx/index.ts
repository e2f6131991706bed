import type { MDXComponents } from 'mdx/types';
import { Callout } from './Callout';
import { Cite } from './Cite';
import { Choice, Explanation, Quiz } from './Quiz';
import { Run } from './Run';

/** Every tag a lesson may use, registered once. Authors learn this one list. */
export const mdxComponents = {
  Callout,
  Choice,
  Cite,
  Explanation,
  Quiz,
  Run,
} satisfies MDXComponents;
