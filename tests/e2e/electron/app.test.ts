// Launches the built desktop app (out/main/index.js) with Playwright's Electron driver and checks the wiring a unit
// test cannot: the real window, the real preload in a real sandbox, the real navigation guard. Runs only where the
// Electron binary exists; elsewhere every test is reported skipped with the reason on the same line.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary, findElectronPackage, missingBinaryReason } from '../../../scripts/electron-binary.js';

// Found without require('electron'), which downloads a missing binary: a test run must not download anything.
const electronPackage = findElectronPackage();
const electronBinary = findElectronBinary(electronPackage);
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const missing = electronBinary ? null : missingBinaryReason(electronPackage);
const skipReason = missing
  ? `skipped because the Electron runtime is not installed: ${missing.reason}; to get it, ${missing.remedy}`
  : noDisplay
    ? 'skipped because there is no display to open a window on (set DISPLAY, e.g. run under xvfb-run)'
    : null;
if (skipReason) console.log(`tests/e2e/electron: ${skipReason}`);

const mainEntry = resolve('out/main/index.js');

describe.skipIf(skipReason !== null)(`the desktop window${skipReason ? ` (${skipReason})` : ''}`, () => {
  let home: string;
  let electronApp: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(mainEntry)) throw new Error(`${mainEntry} is missing: run "npm run build" first.`);
    // A throwaway home so the test never touches the real Documents/Transmittal or the real window-state.json.
    home = mkdtempSync(join(tmpdir(), 'transmittal-electron-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    delete env.ELECTRON_RENDERER_URL;
    Object.assign(env, { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DOCUMENTS_DIR: join(home, 'Documents') });
    electronApp = await _electron.launch({
      executablePath: electronBinary!,
      // Chromium will not start its process sandbox as root (CI containers); the renderer stays context-isolated.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), mainEntry],
      env,
    });
    page = await electronApp.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await electronApp?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it('opens a window titled Transmittal', async () => {
    const title = await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
    expect(title).toBe('Transmittal');
  });

  it('gives the page the bridge and nothing of Node', async () => {
    const globals = await page.evaluate(() => {
      const scope = globalThis as Record<string, unknown>;
      return {
        transmittal: typeof scope.transmittal,
        require: typeof scope.require,
        process: typeof scope.process,
        module: typeof scope.module,
        ipcRenderer: typeof scope.ipcRenderer,
      };
    });
    expect(globals).toEqual({
      transmittal: 'object',
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      ipcRenderer: 'undefined',
    });
  });

  it('keeps the preload in its own world (context isolation)', async () => {
    // Without isolation the page would hold the preload's own function and could read its source.
    const source = await page.evaluate(() => {
      const bridge = (globalThis as Record<string, unknown>).transmittal as Record<string, unknown>;
      return Function.prototype.toString.call(bridge['app.status']);
    });
    expect(source).not.toContain('ipcRenderer');
  });

  it('answers API calls from its own page', async () => {
    const response = await page.evaluate(async () => {
      const bridge = (globalThis as Record<string, unknown>).transmittal as Record<string, (input: unknown) => unknown>;
      return bridge['app.status']({});
    });
    expect(response).toMatchObject({ ok: true, value: { version: expect.any(String) } });
  });

  it('blocks navigation to another site', async () => {
    const before = page.url();
    await page.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
    });
    await page.waitForTimeout(1000);
    expect(page.url()).toBe(before);
    expect(await page.evaluate(() => typeof (globalThis as Record<string, unknown>).transmittal)).toBe('object');
  });
});
