// Debian's Chromium driven by playwright-core: one browser per test file, a fresh context (own storage, own
// clipboard) per test, and every console error or uncaught page error collected so a test fails on it.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.TRANSMITTAL_E2E_CHROMIUM ?? '/usr/bin/chromium';
export const VIEWPORT = { width: 1280, height: 800 };

/** Generous for a loaded 2-core machine; tests wait on the page's own "ready" marker, never on a fixed sleep. */
export const ACTION_TIMEOUT_MS = 15_000;
export const NAVIGATION_TIMEOUT_MS = 30_000;

/** Messages the browser prints that say nothing about the app. */
const KNOWN_NOISE: RegExp[] = [
  // The CSP meta tag carries frame-ancestors for Electron's sake; a browser says it ignores it there.
  /frame-ancestors.*is ignored when delivered via a <meta> element/,
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface PageProblems {
  /** Console errors and uncaught exceptions not expected by the test. */
  unexpected(): string[];
  /** Lets this test's page log a matching error (a test that provokes one on purpose). */
  expect(pattern: RegExp): void;
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
}

export async function openContext(browser: Browser, origin: string): Promise<OpenedPage> {
  // acceptDownloads is Playwright's default, said here because the transfer test saves the package it downloads.
  const context = await browser.newContext({
    viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'en-US', timezoneId: 'America/Los_Angeles', acceptDownloads: true,
  });
  // Lets a test read what the app put on the clipboard; pasting is driven with a synthetic paste event.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
  const page = await context.newPage();

  const seen: string[] = [];
  const allowed: RegExp[] = [...KNOWN_NOISE];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location();
    seen.push(`console error: ${message.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`);
  });
  page.on('pageerror', (error) => seen.push(`uncaught page error: ${error.stack ?? error.message}`));

  return {
    context,
    page,
    problems: {
      unexpected: () => seen.filter((line) => !allowed.some((pattern) => pattern.test(line))),
      expect: (pattern) => allowed.push(pattern),
    },
  };
}

/** Resolves once the app has settled: its first status loaded, no call, search or job outstanding. */
export async function waitForReady(page: Page, timeout = NAVIGATION_TIMEOUT_MS): Promise<void> {
  await page.locator('body[data-app-state="ready"]').waitFor({ state: 'attached', timeout });
}
