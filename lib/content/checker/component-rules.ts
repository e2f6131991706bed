/**
 * The tags an author may use and the attributes each needs. The list must equal the registry in
 * components/mdx/index.ts; a unit test holds them together.
 */
export const COMPONENT_RULES: Readonly<Record<string, { required: readonly string[]; allowed: readonly string[] }>> = {
  Callout: { required: [], allowed: ['variant', 'title'] },
  Challenge: { required: ['id'], allowed: ['id', 'title'] },
  Choice: { required: [], allowed: ['correct', 'why'] },
  Cite: { required: ['source', 'date'], allowed: ['source', 'href', 'date'] },
  DeepDive: { required: ['title'], allowed: ['title'] },
  Explanation: { required: [], allowed: [] },
  Figure: { required: ['src', 'alt'], allowed: ['src', 'alt', 'caption'] },
  Hint: { required: [], allowed: [] },
  LabPanel: { required: ['shape'], allowed: ['shape'] },
  LabRun: { required: ['command'], allowed: ['command', 'mode', 'shard', 'replicaOf'] },
  PatternsLab: { required: ['preset'], allowed: ['preset'] },
  PricingFigure: { required: ['of'], allowed: ['of'] },
  Quiz: { required: ['id', 'question'], allowed: ['id', 'question'] },
  Recap: { required: [], allowed: [] },
  Run: { required: ['command'], allowed: ['command', 'engine'] },
  Sources: { required: [], allowed: [] },
};

export const CALLOUT_VARIANT_NAMES = ['note', 'tip', 'pitfall', 'interview', 'elasticache'] as const;

/** Routes a lesson may link to besides /learn/<slug>. */
export const KNOWN_PAGES = [
  '/',
  '/learn',
  '/sandbox',
  '/drills',
  '/interview',
  '/authoring',
  '/labs',
  '/labs/cluster',
  '/labs/patterns',
  '/tools',
  '/tools/cli-builder',
  '/tools/sizing',
] as const;

/** What every lesson must contain (issue: objectives, ≥ 3 quizzes, a recap and sources). */
export const LESSON_MINIMUMS = { quizzes: 3 } as const;
