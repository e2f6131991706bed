import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/*
 * The axe check of e2e/accessibility.spec.ts, importable by other specs: WCAG 2.2 AA plus best
 * practices, failing on serious and critical violations, soft so later page states still run.
 */

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/** One readable paragraph per violation: rule, impact, help link and every failing node. */
function describeViolations(violations: AxeResults['violations']): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map(
          (node) =>
            `    - ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ') ?? ''}\n      ${node.html}`,
        )
        .join('\n');
      return `[${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}`;
    })
    .join('\n\n');
}

/**
 * `include`: CSS selectors of the parts to check, when the rest of a long page is checked elsewhere
 * (axe takes 10–20 s on a whole lesson on a busy machine; e2e/accessibility.spec.ts checks lessons).
 */
export async function expectNoSeriousViolations(page: Page, what: string, include: string[] = []): Promise<void> {
  // Resting colours: a pointer left over the last clicked button would show :hover on desktop only.
  await page.mouse.move(0, 0);
  let builder = new AxeBuilder({ page });
  for (const selector of include) builder = builder.include(selector);
  const results = await builder
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const blocking = results.violations.filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''));
  expect
    .soft(
      blocking.map((violation) => `[${violation.impact}] ${violation.id} (${violation.nodes.length} element(s))`),
      `serious or critical accessibility violations on ${what}:\n\n${describeViolations(blocking)}\n`,
    )
    .toEqual([]);
}
