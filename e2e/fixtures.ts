import { test as base, type Browser, type Page } from '@playwright/test';
import { ClusterLabPage } from './pages/ClusterLabPage';
import { InterviewPage } from './pages/InterviewPage';
import { KeyBrowser } from './pages/KeyBrowser';
import { LessonPage } from './pages/LessonPage';
import { PatternsLab } from './pages/PatternsLab';
import { SandboxConsole } from './pages/SandboxConsole';
import { SiteHeader } from './pages/SiteHeader';

/**
 * The specs' `test`: Playwright's, plus the page objects of e2e/pages/ on the test's page, built
 * only when a test names them. `otherLearner` is a second browser context, so a second learner
 * with a cookie of its own, closed when the test ends.
 */
export interface Fixtures {
  header: SiteHeader;
  lesson: LessonPage;
  repl: SandboxConsole;
  keys: KeyBrowser;
  interview: InterviewPage;
  clusterLab: ClusterLabPage;
  patternsLab: PatternsLab;
  otherLearner: { page: Page; repl: SandboxConsole };
}

async function newLearner(
  browser: Browser,
  provide: (learner: Fixtures['otherLearner']) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await provide({ page, repl: new SandboxConsole(page) });
  } finally {
    await context.close();
  }
}

// Playwright calls the fixture callback `use`; named `provide` here so the React hooks lint rule
// does not take it for React's `use`.
export const test = base.extend<Fixtures>({
  header: async ({ page }, provide) => provide(new SiteHeader(page)),
  lesson: async ({ page }, provide) => provide(new LessonPage(page)),
  repl: async ({ page }, provide) => provide(new SandboxConsole(page)),
  keys: async ({ page }, provide) => provide(new KeyBrowser(page)),
  interview: async ({ page }, provide) => provide(new InterviewPage(page)),
  clusterLab: async ({ page }, provide) => provide(new ClusterLabPage(page)),
  patternsLab: async ({ page }, provide) => provide(new PatternsLab(page)),
  otherLearner: async ({ browser }, provide) => newLearner(browser, provide),
});

export { expect } from '@playwright/test';
