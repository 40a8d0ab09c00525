import type { App, Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';
import { hardenAllWebContents, hardenSession, hardenWebContents, secureWebPreferences } from '../../../electron/main/security';
import { createTrustedUrlCheck } from '../../../electron/main/trusted-url';
import { createMainWindow } from '../../../electron/main/window';
import { DEFAULT_WINDOW_STATE } from '../../../electron/main/window-state';
import * as electron from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const APP = 'http://localhost:5173';
const isTrustedUrl = createTrustedUrlCheck({ devServerUrl: APP });

function hardenedContents() {
  const contents = new electron.FakeWebContents();
  hardenWebContents(contents as unknown as WebContents, { isTrustedUrl, openExternal: electron.shell.openExternal });
  return contents;
}

/** Lets the fire-and-forget openExternal call in the window open handler finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => electron.resetFakeElectron());

describe('every window is created hardened', () => {
  it('isolates, sandboxes and strips Node from the renderer', () => {
    const preferences = secureWebPreferences('/app/out/preload/index.cjs');
    expect(preferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('applies the secure preferences and the guards to each window it opens', () => {
    hardenAllWebContents(electron.app as unknown as App, { isTrustedUrl, openExternal: electron.shell.openExternal });
    const options = {
      preloadPath: '/app/out/preload/index.cjs',
      renderer: { url: APP },
      state: DEFAULT_WINDOW_STATE,
      saveState: () => {},
    };
    createMainWindow(options);
    createMainWindow(options);

    expect(electron.BrowserWindow.instances).toHaveLength(2);
    for (const window of electron.BrowserWindow.instances) {
      expect(window.options.webPreferences).toEqual(secureWebPreferences('/app/out/preload/index.cjs'));
      expect(window.webContents.attemptNavigation('will-navigate', 'https://example.com/')).toBe(true);
      expect(window.webContents.openWindow('https://example.com/')).toEqual({ action: 'deny' });
    }
  });
});

describe('navigation', () => {
  it.each([
    ['will-navigate', 'https://example.com/'],
    ['will-navigate', 'http://localhost:5173.evil.test/'],
    ['will-navigate', 'file:///etc/passwd'],
    ['will-navigate', 'javascript:alert(1)'],
    ['will-redirect', 'https://example.com/phish'],
  ] as const)('%s to %s is prevented', (event, url) => {
    expect(hardenedContents().attemptNavigation(event, url)).toBe(true);
  });

  it.each(['will-navigate', 'will-redirect'] as const)('%s within the app is allowed', (event) => {
    expect(hardenedContents().attemptNavigation(event, `${APP}/index.html`)).toBe(false);
  });

  it('refuses to attach a webview', () => {
    const event = electron.fakeEvent();
    hardenedContents().emit('will-attach-webview', event, {}, { src: 'https://example.com/' });
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('new windows', () => {
  it('are denied, and a web link opens in the browser instead', async () => {
    const contents = hardenedContents();
    expect(contents.openWindow('https://www.archives.gov/')).toEqual({ action: 'deny' });
    await settle();
    expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://www.archives.gov/');
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', '\\\\evil-server\\share\\x.exe', `${APP}/index.html`])(
    'never hand %s to the system',
    async (url) => {
      const contents = hardenedContents();
      expect(contents.openWindow(url)).toEqual({ action: 'deny' });
      await settle();
      expect(electron.shell.openExternal).not.toHaveBeenCalled();
    },
  );
});

describe('the session', () => {
  function hardenedSession() {
    const session = new electron.FakeSession();
    hardenSession(session as unknown as Session, { isTrustedUrl });
    return session;
  }

  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fileSystem'])(
    'denies a %s request, even from the app',
    (permission) => {
      const callback = vi.fn();
      hardenedSession().permissionRequestHandler!({}, permission, callback, { requestingUrl: `${APP}/` });
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(hardenedSession().permissionCheckHandler!(null, permission, APP, { requestingUrl: `${APP}/` })).toBe(false);
    },
  );

  it('lets only the app itself write to the clipboard', () => {
    const session = hardenedSession();
    expect(session.permissionCheckHandler!(null, 'clipboard-sanitized-write', APP, { requestingUrl: `${APP}/` })).toBe(true);
    expect(
      session.permissionCheckHandler!(null, 'clipboard-sanitized-write', 'https://evil.test', {
        requestingUrl: 'https://evil.test/',
      }),
    ).toBe(false);
    const callback = vi.fn();
    session.permissionRequestHandler!({}, 'clipboard-sanitized-write', callback, { requestingUrl: 'https://evil.test/' });
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('sends the CSP header with app pages and leaves other responses alone', () => {
    const session = hardenedSession();
    const respond = (details: object) => {
      const callback = vi.fn();
      session.headersReceivedListener!({ responseHeaders: { 'Content-Type': ['text/html'] }, ...details }, callback);
      return callback.mock.calls[0][0];
    };
    expect(respond({ url: `${APP}/`, resourceType: 'mainFrame' })).toEqual({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
    expect(respond({ url: 'https://example.com/', resourceType: 'mainFrame' })).toEqual({});
    expect(respond({ url: `${APP}/assets/index.js`, resourceType: 'script' })).toEqual({});
  });

  it('uses the policy the renderer meta tag carries', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
  });
});
