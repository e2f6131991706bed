import type { Page } from '@playwright/test';

/** A string only Monaco's bundle contains (a command id kept through minification). */
export const MONACO_MARKER = 'editor.action.triggerSuggest';

const CHUNK = /\/_next\/static\/chunks\/.*\.js$/;

/** Records the URLs of the scripts that carry Monaco, as the page downloads them. */
export function watchMonacoDownloads(page: Page): string[] {
  const found: string[] = [];
  page.on('response', async (response) => {
    if (!CHUNK.test(new URL(response.url()).pathname)) return;
    const body = await response.text().catch(() => '');
    if (body.includes(MONACO_MARKER)) found.push(response.url());
  });
  return found;
}

/** Holds back every script that carries Monaco by `delayMs`, whenever it is requested. */
export async function delayMonaco(page: Page, delayMs: number): Promise<void> {
  await page.route('**/_next/static/chunks/**', async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes(MONACO_MARKER)) await new Promise((resolve) => setTimeout(resolve, delayMs));
    await route.fulfill({ response, body });
  });
}
