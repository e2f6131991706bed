import { defineConfig, devices } from '@playwright/test';
import { portsOf } from './lib/servers/ports';
import { findBrowser } from './scripts/setup/browser';

const PORT = portsOf('e2e').http;
const browser = findBrowser();

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // Tests, not files, are shared out between the workers, so one long file does not end the run alone.
  fullyParallel: true,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: browser?.executablePath,
      // Keep Chromium off the network: this machine (and CI) has none beyond localhost.
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    // A test tagged @phone-only proves the 360 px layout of a page whose desktop test already walks
    // the same story (a cluster lab costs ~17 s): it runs on the phone alone.
    {
      name: 'desktop',
      testIgnore: /lab-cap\.spec\.ts/,
      grepInvert: /@phone-only/,
      use: { ...devices['Desktop Chrome'], channel: undefined },
    },
    // The phone runs only what its 360 px layout can change (tests tagged @layout: axe passes,
    // horizontal overflow, the sidebar disclosure, the one whole learner journey); flows that
    // behave the same at any width (API calls, keyboard shortcuts, timers) run on desktop only.
    {
      name: 'phone',
      grep: /@layout|@phone-only/,
      testIgnore: /lab-cap\.spec\.ts/,
      use: { ...devices['Pixel 5'], viewport: { width: 360, height: 740 }, channel: undefined },
    },
    // Fills the app's lab cap (KEYSPACE_LAB_MAX_LABS below) to show "all labs are busy": it runs
    // after every other test, so that no other test's lab start meets the full cap.
    {
      name: 'lab-cap',
      testMatch: /lab-cap\.spec\.ts/,
      dependencies: ['desktop', 'phone'],
      use: { ...devices['Desktop Chrome'], channel: undefined },
    },
  ],
  // The real `npm start` path, on the e2e profile's own ports, against the production build.
  webServer: {
    command: `node scripts/run.mjs start --profile e2e --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    // Every test browser comes from 127.0.0.1, so the per-address limits would count the whole
    // suite as one visitor; per-learner limits stay at their defaults.
    // At most 3 labs: two workers each start one at a time, with one to spare; lab-cap.spec.ts fills it.
    // The patterns lab's origin: a small catalogue, seeded in seconds on a fresh clone (the specs
    // look at charts filling and challenges passing, not at the full catalogue's figures).
    env: {
      KEYSPACE_SANDBOX_RATE_PER_ADDRESS: '10000',
      KEYSPACE_SANDBOX_SESSIONS_PER_MINUTE: '10000',
      KEYSPACE_LAB_MAX_LABS: '3',
      KEYSPACE_ORIGIN_PRODUCTS: '200',
      KEYSPACE_ORIGIN_REVIEWS: '2000',
    },
  },
});
