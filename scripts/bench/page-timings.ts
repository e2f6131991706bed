/**
 * How fast a learner gets going, measured in a real Chromium on two profiles: a desktop, and a
 * phone throttled through the DevTools protocol (4× CPU slowdown, 150 ms round trip, 1.6 Mbps
 * down, as Lighthouse's mobile profile; Chromium throttles subresources, not the document).
 *
 * Per lesson, on a cold cache (a new browser context per load, no learner cookie yet):
 * - FCP: first contentful paint, from the navigation's start.
 * - interactive: the console's command line is enabled, i.e. React has hydrated the page (its
 *   controls stay disabled until then), from the navigation's start.
 * - keystroke: from focusing the console (on a phone, tapping its docked bar first) to the first
 *   typed character showing in it.
 * - reply: from Enter on PING to PONG painted in the console.
 * - editor: on desktop, from the first focus to Monaco having taken over (preloaded on idle).
 * And the home-page path: from landing on / to the first command answered, following the page's
 * first link into a lesson and pressing that lesson's first Run button.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { percentile } from './stats';

export type ProfileName = 'desktop' | 'phone';

interface Profile {
  name: ProfileName;
  context: Parameters<Browser['newContext']>[0];
  throttle: boolean;
}

const PROFILES: Record<ProfileName, Profile> = {
  desktop: { name: 'desktop', context: { viewport: { width: 1366, height: 900 } }, throttle: false },
  phone: {
    name: 'phone',
    context: { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 },
    throttle: true,
  },
};

export interface LessonTiming {
  fcp: number;
  interactive: number;
  keystroke: number;
  reply: number;
  /** Desktop only: first focus → Monaco in charge. */
  editor: number | null;
}

export interface TimingReport {
  profile: ProfileName;
  lessons: { path: string; runs: LessonTiming[] }[];
  /** Landing on / → the first command's reply painted, per run. */
  homeToFirstReply: number[];
}

/** The lesson's own console (not a challenge's), docked in a sheet below 1280 px. */
const COMMAND_LINE = '[data-console-dock] form[data-editor] input, [data-console-dock] form[data-editor] textarea';
/** The folded sheet's "Console" bar, on a phone: the learner taps it to reach the command line. */
const FOLDED_DOCK_BAR = '[data-console-dock] button[aria-expanded="false"]';

async function newPage(browser: Browser, profile: Profile): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(profile.context);
  const page = await context.newPage();
  if (profile.throttle) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  return { context, page };
}

/** Milliseconds since the navigation started, read in the page when the condition first holds. */
function pageTimeWhen(page: Page, condition: string): Promise<number> {
  return page
    .waitForFunction(`(${condition}) ? performance.now() : false`, undefined, { polling: 'raf', timeout: 60_000 })
    .then((handle) => handle.jsonValue() as Promise<number>);
}

async function measureLesson(browser: Browser, profile: Profile, path: string, baseUrl: string): Promise<LessonTiming> {
  const { context, page } = await newPage(browser, profile);
  try {
    await page.goto(`${baseUrl}${path}`, { waitUntil: 'commit' });
    const interactive = await pageTimeWhen(
      page,
      `(() => { const input = document.querySelector('${COMMAND_LINE}'); return input && !input.disabled; })()`,
    );
    const fcp = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    );
    const input = page.locator(COMMAND_LINE).first();

    // The first keystroke: (on a phone, a tap on the folded console's bar, then) focus, then one
    // character typed, timed until it shows in the line.
    let started = performance.now();
    const bar = page.locator(FOLDED_DOCK_BAR).first();
    if (await bar.isVisible()) {
      await bar.click();
      await input.waitFor({ state: 'visible', timeout: 60_000 });
    }
    await input.focus();
    await page.keyboard.type('P');
    await page.waitForFunction(
      (selector) => {
        const line = document.querySelector(selector);
        const text = line instanceof HTMLInputElement ? line.value : (line?.closest('form')?.textContent ?? '');
        return text.includes('P');
      },
      COMMAND_LINE,
      { polling: 'raf', timeout: 60_000 },
    );
    const keystroke = performance.now() - started;

    let editor: number | null = null;
    if (!profile.throttle) {
      await page.waitForSelector('form[data-editor="monaco"]', { timeout: 60_000 });
      editor = performance.now() - started;
    }

    await page.keyboard.type('ING');
    started = performance.now();
    await page.keyboard.press('Enter');
    await page.getByTestId('reply').filter({ hasText: 'PONG' }).first().waitFor({ timeout: 60_000 });
    const reply = performance.now() - started;
    return { fcp, interactive, keystroke, reply, editor };
  } finally {
    await context.close();
  }
}

async function measureHomeToFirstReply(browser: Browser, profile: Profile, baseUrl: string): Promise<number> {
  const { context, page } = await newPage(browser, profile);
  try {
    const started = performance.now();
    await page.goto(`${baseUrl}/`, { waitUntil: 'commit' });
    const lessonLink = page.locator('main a[href^="/learn/"]').first();
    await lessonLink.waitFor({ timeout: 60_000 });
    await lessonLink.click();
    await page.waitForURL(/\/learn\/[^/]+$/, { timeout: 60_000 });
    const run = page.getByRole('button', { name: /^Run / }).first();
    await run.waitFor({ timeout: 60_000 });
    // Disabled until the lesson has hydrated (components/ui/use-hydrated.ts).
    await page.waitForFunction(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.ariaLabel?.startsWith('Run '));
      return button !== undefined && !button.disabled;
    });
    await run.click();
    await page.getByTestId('run-reply').first().waitFor({ timeout: 60_000 });
    return performance.now() - started;
  } finally {
    await context.close();
  }
}

export async function measurePageTimings(options: {
  baseUrl: string;
  lessons: string[];
  runs: number;
  profiles: ProfileName[];
  executablePath?: string;
  onProgress(message: string): void;
}): Promise<TimingReport[]> {
  const browser = await chromium.launch({
    executablePath: options.executablePath,
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic'],
  });
  try {
    const reports: TimingReport[] = [];
    for (const name of options.profiles) {
      const profile = PROFILES[name];
      const report: TimingReport = { profile: name, lessons: [], homeToFirstReply: [] };
      // One unmeasured load first, so that the server's own first-request work is not counted.
      await measureLesson(browser, profile, options.lessons[0]!, options.baseUrl).catch(() => null);
      for (const path of options.lessons) {
        options.onProgress(`${name}: ${path}`);
        const runs: LessonTiming[] = [];
        for (let run = 0; run < options.runs; run++) {
          // One failed load (a timeout on a busy machine) is reported and left out, not fatal.
          const timing = await measureLesson(browser, profile, path, options.baseUrl).catch((error: unknown) => {
            options.onProgress(`${name}: ${path} run ${run + 1} failed: ${String(error).split('\n')[0]}`);
            return null;
          });
          if (timing) runs.push(timing);
        }
        report.lessons.push({ path, runs });
      }
      options.onProgress(`${name}: / → first command answered`);
      for (let run = 0; run < options.runs; run++) {
        const total = await measureHomeToFirstReply(browser, profile, options.baseUrl).catch((error: unknown) => {
          options.onProgress(`${name}: home run ${run + 1} failed: ${String(error).split('\n')[0]}`);
          return null;
        });
        if (total !== null) report.homeToFirstReply.push(total);
      }
      reports.push(report);
    }
    return reports;
  } finally {
    await browser.close();
  }
}

export function median(values: number[]): number {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : percentile(sorted, 50);
}

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value).toLocaleString('en')} ms` : '—');

/** A Markdown table per profile: medians per lesson, then the home-page path. */
export function formatTimings(reports: TimingReport[]): string {
  return reports
    .map((report) => {
      const rows = report.lessons.map(({ path, runs }) => {
        const of = (pick: (timing: LessonTiming) => number | null) =>
          ms(median(runs.map(pick).filter((value): value is number => value !== null)));
        const editor = report.profile === 'desktop' ? of((timing) => timing.editor) : 'never loaded';
        return `| \`${path}\` | ${of((t) => t.fcp)} | ${of((t) => t.interactive)} | ${of((t) => t.keystroke)} | ${of((t) => t.reply)} | ${editor} |`;
      });
      const interactive = report.lessons.flatMap(({ runs }) => runs.map((timing) => timing.interactive));
      return [
        `${report.profile} (medians of ${report.lessons[0]?.runs.length ?? 0} cold loads)`,
        '',
        '| lesson | FCP | interactive | first keystroke | first reply | Monaco ready after focus |',
        '|---|---|---|---|---|---|',
        ...rows,
        '',
        `slowest lesson interactive (median): ${ms(Math.max(...report.lessons.map(({ runs }) => median(runs.map((t) => t.interactive)))))}; all loads ${ms(Math.min(...interactive))}–${ms(Math.max(...interactive))}`,
        `home page → first command answered: median ${ms(median(report.homeToFirstReply))} (${report.homeToFirstReply.map(ms).join(', ')})`,
      ].join('\n');
    })
    .join('\n\n');
}
