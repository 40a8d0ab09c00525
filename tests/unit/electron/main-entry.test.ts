// Drives electron/main/index.ts end to end against the fake electron and a fake API session: what the packaged
// app wires up on start, checked here because this machine (and CI) may have no Electron binary to launch.
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiMethods } from '../../../shared/api/contract';
import { MENU_COMMAND_CHANNEL } from '../../../electron/preload/menu-command';
import { secureWebPreferences } from '../../../electron/main/security';

type FakeElectron = typeof import('./fake-electron');

const fakeSession = vi.hoisted(() => ({
  dispatch: vi.fn(async (method: string, input: unknown) => ({ ok: true as const, value: { method, input } })),
  close: vi.fn(async () => {}),
  createSession: vi.fn(),
}));

vi.mock('electron', () => import('./fake-electron'));
vi.mock('../../../electron/session/session', () => ({
  createSession: fakeSession.createSession.mockImplementation(async () => ({
    dispatch: fakeSession.dispatch,
    close: fakeSession.close,
  })),
}));

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Loads the entry point afresh, the way Electron runs it, and optionally makes the app ready. */
async function startMain(options: { ready?: boolean; setUp?: (electron: FakeElectron) => void } = {}) {
  vi.resetModules();
  const electron = (await import('electron')) as unknown as FakeElectron;
  electron.resetFakeElectron();
  fakeSession.dispatch.mockClear();
  fakeSession.close.mockReset().mockResolvedValue(undefined);
  fakeSession.createSession.mockClear();
  options.setUp?.(electron);
  await import('../../../electron/main/index');
  if (options.ready !== false) {
    electron.app.becomeReady();
    await settle();
  }
  return electron;
}

function onlyWindow(electron: FakeElectron) {
  expect(electron.BrowserWindow.instances).toHaveLength(1);
  return electron.BrowserWindow.instances[0];
}

type MenuItem = { label?: string; click?: () => void; submenu?: MenuItem[] };
function menuItem(electron: FakeElectron, label: string): MenuItem {
  const template = electron.Menu.buildFromTemplate.mock.calls[0][0] as MenuItem[];
  const item = template.flatMap((top) => top.submenu ?? []).find((each) => each.label === label);
  if (!item) throw new Error(`No menu item ${label}`);
  return item;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the desktop entry point', () => {
  it('sandboxes every renderer and hooks the security module before the app is ready', async () => {
    const electron = await startMain({ ready: false });
    expect(electron.app.enableSandbox).toHaveBeenCalledOnce();
    expect(electron.app.listenerCount('web-contents-created')).toBe(1);
    expect(fakeSession.createSession).not.toHaveBeenCalled();
  });

  it('opens the API session in Documents/Transmittal and registers every call', async () => {
    const electron = await startMain();
    expect(fakeSession.createSession).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ workspaceDir: expect.stringMatching(/fake[\\/]documents[\\/]Transmittal$/), appVersion: '0.0.0-test' }),
    );
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...apiMethods].sort());
  });

  it('opens one hardened window of the right size, shown once painted', async () => {
    const window = onlyWindow(await startMain());
    expect(window.options).toMatchObject({ title: 'Transmittal', width: 1280, height: 800, minWidth: 900, minHeight: 600, show: false });
    expect(window.options.webPreferences).toEqual(secureWebPreferences(window.options.webPreferences.preload));
    expect(window.options.webPreferences.preload).toMatch(/preload[\\/]index\.cjs$/);
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
    expect(window.webContents.attemptNavigation('will-navigate', 'https://example.com/')).toBe(true);
  });

  it('lets the API answer only the page the window loaded', async () => {
    const electron = await startMain();
    const window = onlyWindow(electron);
    expect(window.loadFile).not.toHaveBeenCalled();
    const page = window.loadURL.mock.calls[0][0];
    expect(page).toBe('app://transmittal/index.html');
    await expect(electron.ipcMain.invokeFrom(`${page}#/boxes`, 'app.status', {})).resolves.toMatchObject({ ok: true });
    // The same page as a file: URL is someone else's page now.
    await expect(electron.ipcMain.invokeFrom(pathToFileURL('/app/out/renderer/index.html').href, 'app.status', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await expect(electron.ipcMain.invokeFrom('https://example.com/', 'app.status', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(fakeSession.dispatch).toHaveBeenCalledOnce();
  });

  it('serves its pages from the app: scheme, registered privileged before ready, and nothing outside the renderer', async () => {
    const electron = await startMain();
    expect(electron.protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    const handler = electron.protocol.handlers.get('app');
    expect(handler).toBeDefined();
    const escape = await handler!({ url: 'app://transmittal/..%2F..%2Fmain%2Findex.js' });
    expect(escape.status).toBe(404);
    const otherHost = await handler!({ url: 'app://evil/index.html' });
    expect(otherHost.status).toBe(404);
  });

  it('loads the dev server while developing, but never in a packaged app', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    const developing = onlyWindow(await startMain());
    expect(developing.loadURL).toHaveBeenCalledExactlyOnceWith('http://localhost:5173');

    const packaged = onlyWindow(await startMain({ setUp: (electron) => (electron.app.isPackaged = true) }));
    expect(packaged.loadURL).toHaveBeenCalledExactlyOnceWith('app://transmittal/index.html');
    expect(packaged.loadFile).not.toHaveBeenCalled();
  });

  it('denies permissions in the default session', async () => {
    const electron = await startMain();
    const callback = vi.fn();
    electron.session.defaultSession.permissionRequestHandler!({}, 'media', callback, { requestingUrl: 'https://x.test/' });
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('sends UI menu items to the window on the menu channel', async () => {
    const electron = await startMain();
    menuItem(electron, 'Save').click!();
    expect(onlyWindow(electron).webContents.sent).toEqual([[MENU_COMMAND_CHANNEL, 'catalog.save']]);
  });

  it('opens a catalog chosen in the file dialog and tells the window', async () => {
    const electron = await startMain();
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/docs/Clerk.transmittal'] });
    menuItem(electron, 'Open catalog…').click!();
    await settle();
    expect(fakeSession.dispatch).toHaveBeenCalledExactlyOnceWith('catalog.open', { path: '/docs/Clerk.transmittal' });
    expect(onlyWindow(electron).webContents.sent).toEqual([[MENU_COMMAND_CHANNEL, 'catalog.opened']]);
  });

  it('saves pending changes before quitting', async () => {
    const electron = await startMain();
    const firstQuit = electron.fakeEvent();
    electron.app.emit('before-quit', firstQuit);
    expect(firstQuit.defaultPrevented).toBe(true);
    expect(electron.app.quit).not.toHaveBeenCalled();
    await settle();
    expect(fakeSession.close).toHaveBeenCalledOnce();
    expect(electron.app.quit).toHaveBeenCalledOnce();

    const secondQuit = electron.fakeEvent();
    electron.app.emit('before-quit', secondQuit);
    expect(secondQuit.defaultPrevented).toBe(false);
  });

  it('stays open and asks the window to save as when saving fails and the user chooses Save as', async () => {
    const electron = await startMain();
    fakeSession.close.mockRejectedValueOnce(new Error('disk full'));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    electron.dialog.showMessageBoxSync.mockReturnValueOnce(1);
    electron.app.emit('before-quit', electron.fakeEvent());
    await settle();
    errors.mockRestore();
    expect(electron.dialog.showMessageBoxSync).toHaveBeenCalledOnce();
    const buttons = (electron.dialog.showMessageBoxSync.mock.calls[0] as unknown as [{ buttons: string[] }])[0].buttons;
    expect(buttons).toEqual(['Try again', 'Save as…', 'Quit without saving']);
    expect(electron.app.quit).not.toHaveBeenCalled();
    expect(fakeSession.close).not.toHaveBeenCalledWith({ discard: true });
    expect(onlyWindow(electron).webContents.sent).toContainEqual([MENU_COMMAND_CHANNEL, 'catalog.saveAs']);
  });

  it('quits without the unsaved changes only when the user says so', async () => {
    const electron = await startMain();
    fakeSession.close.mockRejectedValueOnce(new Error('disk full'));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    electron.dialog.showMessageBoxSync.mockReturnValueOnce(2);
    electron.app.emit('before-quit', electron.fakeEvent());
    await settle();
    await settle();
    errors.mockRestore();
    expect(fakeSession.close).toHaveBeenLastCalledWith({ discard: true });
    expect(electron.app.quit).toHaveBeenCalledOnce();
  });

  it('leaves the running copy alone when a second copy starts', async () => {
    const electron = await startMain({ setUp: (fake) => fake.app.requestSingleInstanceLock.mockReturnValueOnce(false) });
    expect(electron.app.quit).toHaveBeenCalledOnce();
    expect(fakeSession.createSession).not.toHaveBeenCalled();
    expect(electron.BrowserWindow.instances).toHaveLength(0);
  });
});
