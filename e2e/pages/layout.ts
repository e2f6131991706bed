import type { Page } from '@playwright/test';

/**
 * How far the page scrolls sideways, measured against the layout width (`clientWidth`), with the
 * elements that stick out. Not `window.innerWidth`: a mobile browser (the phone project's Pixel 5)
 * widens that to the content, so a page 400 px too wide read as fitting (2026-12-05).
 */
export function horizontalOverflow(page: Page): Promise<{ excess: number; culprits: string[] }> {
  return page.evaluate(() => {
    const { scrollWidth, clientWidth } = document.documentElement;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > clientWidth + 0.5)
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].slice(0, 3).join('.')}`);
    return { excess: scrollWidth - clientWidth, culprits };
  });
}
