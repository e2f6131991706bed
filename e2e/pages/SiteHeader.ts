import { expect, type Locator, type Page } from '@playwright/test';

/** The header on every page: site link, "Main" navigation and the theme toggle. */
export class SiteHeader {
  readonly nav: Locator;
  /** A toggle button named "Dark theme", pressed when the dark theme is on. */
  readonly themeToggle: Locator;
  readonly html: Locator;
  /** Below 1024 px the sections are behind this button. */
  readonly menuButton: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main', exact: true });
    this.themeToggle = this.nav.getByRole('button', { name: 'Dark theme', exact: true });
    this.html = page.locator('html');
    this.menuButton = this.nav.getByRole('button', { name: /^Menu/ });
  }

  /** A section's link in the main navigation ("Learn", "Progress"…). */
  section(name: string): Locator {
    return this.nav.getByRole('link', { name, exact: true });
  }

  /** The links marked as the current section: exactly one on a page inside a section. */
  get currentSections(): Locator {
    return this.nav.locator('a[aria-current="page"]:visible');
  }

  /** Resolves once the toggle is hydrated: the server renders it disabled. */
  async themeToggleReady(): Promise<void> {
    await expect(this.themeToggle).toBeEnabled();
  }

  async expectTheme(theme: 'light' | 'dark'): Promise<void> {
    if (theme === 'dark') {
      await expect(this.html).toHaveClass(/(^|\s)dark(\s|$)/);
      await expect(this.themeToggle).toHaveAttribute('aria-pressed', 'true');
    } else {
      await expect(this.html).not.toHaveClass(/(^|\s)dark(\s|$)/);
      await expect(this.themeToggle).toHaveAttribute('aria-pressed', 'false');
    }
  }
}
