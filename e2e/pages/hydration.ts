import { expect, type Locator } from '@playwright/test';

/**
 * Waits until React has hydrated the element, i.e. its event handlers are attached.
 *
 * The pages are prerendered, so inputs and buttons are visible (and Playwright considers them
 * actionable) before React is listening. A click or an Enter in that window is lost, or worse,
 * submits the <form> natively. React marks every hydrated DOM node with a `__reactProps$…`
 * property; polling for it is the only reliable signal the markup offers.
 */
export async function expectHydrated(element: Locator): Promise<void> {
  await expect
    .poll(() => element.evaluate((node) => Object.keys(node).some((key) => key.startsWith('__reactProps$'))), {
      message: 'React should hydrate the element',
    })
    .toBe(true);
}
