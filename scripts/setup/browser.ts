/**
 * The Chromium that Playwright drives: Playwright's own build if it was installed, else Debian's
 * `chromium` package (installed with apt where missing), since `npx playwright install` needs a
 * download that is not always possible.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { parseEnv, type EnvSource } from '../../lib/config/env';
import { fail, step } from './log';
import { detectPlatform, privilegePrefix, runVisible } from './system';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Absolute path to use as executablePath, or undefined to let Playwright use its own browser. */
export function findBrowser(env: EnvSource = process.env): { executablePath?: string; description: string } | null {
  const configured = parseEnv(env).KEYSPACE_CHROMIUM_PATH;
  if (configured) return { executablePath: configured, description: configured };
  try {
    if (existsSync(chromium.executablePath())) return { description: "Playwright's Chromium" };
  } catch {
    // Playwright has no browser of its own here; fall through to the system one.
  }
  const system = SYSTEM_CHROMIUM.find((candidate) => existsSync(candidate));
  return system ? { executablePath: system, description: system } : null;
}

export function ensureBrowser(): { executablePath?: string; description: string } {
  const found = findBrowser();
  if (found) return found;
  const platform = detectPlatform();
  const sudo = privilegePrefix();
  if (platform.kind !== 'debian' || sudo === null) {
    fail(
      'No Chromium for the browser tests. Run "npx playwright install chromium", or install Chromium and set KEYSPACE_CHROMIUM_PATH to it.',
    );
  }
  step('Installing Chromium for the browser tests (apt-get install chromium; a few minutes)…');
  if (
    !runVisible([...sudo, 'apt-get', 'update', '-qq']) ||
    !runVisible([...sudo, 'apt-get', 'install', '-y', '-qq', 'chromium'])
  ) {
    fail('Installing chromium failed. Run as root: apt-get update && apt-get install -y chromium');
  }
  return findBrowser() ?? fail('Chromium is still missing after installing it.');
}
