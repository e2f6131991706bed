import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Presses Tab from wherever focus is until `target` has it, as a keyboard user would; fails if
 * it takes more than `maxPresses` (the target is unreachable or buried in the tab order).
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 25): Promise<number> {
  for (let presses = 1; presses <= maxPresses; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return presses;
  }
  await expect(target, `reachable with at most ${maxPresses} presses of Tab`).toBeFocused({ timeout: 1 });
  return maxPresses;
}
