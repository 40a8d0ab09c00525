// The hooks every web test file shares: one Chromium for the file; for each test a fresh app on its own temporary
// workspace and a fresh browser context opened at the app's address, closed afterwards. A test fails on any
// unexpected console or page error, and a failing test leaves a screenshot behind to look at.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchBrowser, openContext, waitForReady, type PageProblems } from './browser';
import { buildSampleTemplate, startWebApp, type WebApp, type WebAppOptions } from './web-app';

export interface WebTestOptions {
  /**
   * 'open': each test starts inside the sample catalog (built once per file, copied into each workspace);
   * 'available': the sample is built once so the welcome screen's button opens it quickly; false: no sample.
   */
  sample?: 'open' | 'available' | false;
  /** Boxes in that sample (fewer is faster; the app's default is 40). */
  sampleBoxes?: number;
  app?: WebAppOptions;
}

export interface WebTest {
  readonly browser: Browser;
  readonly app: WebApp;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly problems: PageProblems;
  /** Opens the app's address again in this test's page and waits until it has settled. */
  load(): Promise<void>;
}

export const FAILURE_DIR = process.env.TRANSMITTAL_E2E_ARTIFACTS ?? join(tmpdir(), 'transmittal-e2e-failures');

export function setupWebTests(options: WebTestOptions = {}): WebTest {
  let browser: Browser | undefined;
  let app: WebApp | undefined;
  let opened: { context: BrowserContext; page: Page; problems: PageProblems } | undefined;
  let template: { file: string; remove(): Promise<void> } | undefined;

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is only available inside a test`);
    return value;
  };

  const state: WebTest = {
    get browser() {
      return need(browser, 'browser');
    },
    get app() {
      return need(app, 'app');
    },
    get context() {
      return need(opened, 'context').context;
    },
    get page() {
      return need(opened, 'page').page;
    },
    get problems() {
      return need(opened, 'problems').problems;
    },
    async load() {
      await state.page.goto(state.app.url);
      await waitForReady(state.page);
    },
  };

  beforeAll(async () => {
    const [launched, built] = await Promise.all([
      launchBrowser(),
      options.sample ? buildSampleTemplate(options.sampleBoxes) : Promise.resolve(undefined),
    ]);
    browser = launched;
    template = built;
  });

  afterAll(async () => {
    await browser?.close();
    await template?.remove();
  });

  beforeEach(async () => {
    app = await startWebApp({ ...options.app, sampleFile: template?.file });
    if (options.sample === 'open') await app.openSample();
    opened = await openContext(need(browser, 'browser'), app.origin);
    await state.load();
  });

  afterEach(async (context) => {
    const problems: string[] = [];
    try {
      if (opened) {
        if (context.task.result?.state === 'fail') {
          mkdirSync(FAILURE_DIR, { recursive: true });
          const file = join(FAILURE_DIR, `${context.task.name.replace(/[^\w-]+/g, '-').slice(0, 80)}.png`);
          await opened.page.screenshot({ path: file, fullPage: true }).then(
            () => console.log(`e2e: screenshot of the failing page: ${file}`),
            () => undefined,
          );
        }
        problems.push(...opened.problems.unexpected());
        await opened.context.close();
      }
    } finally {
      opened = undefined;
      const closing = app;
      app = undefined;
      await closing?.close().catch((error: unknown) => problems.push(error instanceof Error ? error.message : String(error)));
    }
    if (problems.length > 0) throw new Error(`The page or the app reported errors:\n${problems.join('\n')}`);
  });

  return state;
}
