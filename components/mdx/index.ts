import type { MDXComponents } from 'mdx/types';
import { Callout } from './Callout';
import { Challenge, Hint } from './Challenge';
import { Cite } from './Cite';
import { CodeBlock } from './CodeBlock';
import { DeepDive } from './DeepDive';
import { Figure } from './Figure';
import { LabPanel, LabRun, PatternsLab } from './LazyLabs';
import { PricingFigure } from './PricingFigure';
import { Choice, Explanation, Quiz } from './Quiz';
import { Recap } from './Recap';
import { Run } from './Run';
import { Sources } from './Sources';
import { Table } from './Table';

/** Every tag a lesson may use, registered once. Authors learn this one list; the content checker rejects any other. */
export const mdxComponents = {
  Callout,
  Challenge,
  Choice,
  Cite,
  DeepDive,
  Explanation,
  Figure,
  Hint,
  LabPanel,
  LabRun,
  PricingFigure,
  PatternsLab,
  Quiz,
  Recap,
  Run,
  Sources,
  // Markdown's own elements, restyled: not tags an author writes.
  pre: CodeBlock,
  table: Table,
} satisfies MDXComponents;

/** The tags an author may write (Markdown element overrides such as `pre` are lowercase and not listed). */
export const MDX_COMPONENT_NAMES = Object.keys(mdxComponents).filter((name) => /^[A-Z]/.test(name));
