import { expect, type Locator, type Page } from '@playwright/test';

/** The header on every page: site link, "Main" navigation and the theme toggle. */
export class SiteHeader {
  readonly nav: Locator;
  /** Before hydration it is named "Switch theme"; afterwards, after the theme it switches to. */
  readonly themeToggle: Locator;
  readonly html: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.themeToggle = this.nav.getByRole('button', { name: /^Switch to (dark|light) theme$/ });
    this.html = page.locator('html');
  }

  /** Resolves once the toggle is hydrated: the server renders it as "Switch theme". */
  async themeToggleReady(): Promise<void> {
    await expect(this.themeToggle).toBeVisible();
  }

  async expectTheme(theme: 'light' | 'dark'): Promise<void> {
    if (theme === 'dark') {
      await expect(this.html).toHaveClass(/(^|\s)dark(\s|$)/);
      await expect(this.themeToggle).toHaveAccessibleName('Switch to light theme');
    } else {
      await expect(this.html).not.toHaveClass(/(^|\s)dark(\s|$)/);
      await expect(this.themeToggle).toHaveAccessibleName('Switch to dark theme');
    }
  }
}
