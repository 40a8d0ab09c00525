import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { ApiResponse } from '../../../shared/api/errors';
import { buildMenuTemplate, openCatalogFromDialog, type MenuActions } from '../../../electron/main/menu';

function actions() {
  return {
    send: vi.fn<MenuActions['send']>(),
    openCatalog: vi.fn<MenuActions['openCatalog']>(),
    showAbout: vi.fn<MenuActions['showAbout']>(),
  };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const find = (template: MenuItemConstructorOptions[], label: string) => {
  const item = items(template).find((each) => each.label === label);
  if (!item) throw new Error(`No menu item labelled ${label}`);
  return item;
};
const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

describe('buildMenuTemplate', () => {
  it('sends the UI the command of each File item', () => {
    const act = actions();
    const template = buildMenuTemplate({ isPackaged: true, platform: 'linux', actions: act });
    click(find(template, 'New catalog…'));
    click(find(template, 'Open sample catalog'));
    click(find(template, 'Save'));
    click(find(template, 'Close catalog'));
    expect(act.send.mock.calls).toEqual([['catalog.new'], ['catalog.openSample'], ['catalog.save'], ['catalog.close']]);
    click(find(template, 'Open catalog…'));
    expect(act.openCatalog).toHaveBeenCalledOnce();
    click(find(template, 'About Transmittal'));
    expect(act.showAbout).toHaveBeenCalledOnce();
  });

  it('has the editing roles', () => {
    const roles = items(buildMenuTemplate({ isPackaged: true, platform: 'linux', actions: actions() })).map((i) => i.role);
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste']));
  });

  it('shows reload and developer tools only in development', () => {
    const roles = (isPackaged: boolean) =>
      items(buildMenuTemplate({ isPackaged, platform: 'win32', actions: actions() })).map((item) => item.role);
    expect(roles(false)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(roles(true)).not.toContain('reload');
    expect(roles(true)).not.toContain('toggleDevTools');
  });

  it('puts Quit in the app menu on macOS and in File elsewhere', () => {
    const mac = buildMenuTemplate({ isPackaged: true, platform: 'darwin', actions: actions() });
    expect(mac[0].role).toBe('appMenu');
    expect(items(mac).filter((item) => item.role === 'quit')).toHaveLength(0);
    const windows = buildMenuTemplate({ isPackaged: true, platform: 'win32', actions: actions() });
    expect(windows[0].label).toBe('&File');
    expect(items(windows).filter((item) => item.role === 'quit')).toHaveLength(1);
  });
});

describe('openCatalogFromDialog', () => {
  const opened = (path: string): ApiResponse<unknown> => ({ ok: true, value: { path } });

  it('opens the chosen file through catalog.open and tells the window', async () => {
    const dispatch = vi.fn(async (_method: string, input: unknown) => opened((input as { path: string }).path));
    const onOpened = vi.fn();
    const onError = vi.fn();
    await openCatalogFromDialog({ chooseFile: async () => '/docs/Transmittal/Clerk.transmittal', dispatch, onOpened, onError, offer: vi.fn() });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('catalog.open', { path: '/docs/Transmittal/Clerk.transmittal' });
    expect(onOpened).toHaveBeenCalledOnce();
    expect(onError).not.toHaveBeenCalled();
  });

  it('does nothing when the user cancels', async () => {
    const dispatch = vi.fn();
    const onOpened = vi.fn();
    await openCatalogFromDialog({ chooseFile: async () => null, dispatch, onOpened, onError: vi.fn(), offer: vi.fn() });
    expect(dispatch).not.toHaveBeenCalled();
    expect(onOpened).not.toHaveBeenCalled();
  });

  it("shows the API's message when the catalog cannot be opened", async () => {
    const message = 'Clerk.transmittal was made by a newer Transmittal (schema 9). Update Transmittal to open it.';
    const dispatch = vi.fn(async () => ({ ok: false as const, error: { code: 'catalog-too-new' as const, message } }));
    const onOpened = vi.fn();
    const onError = vi.fn();
    await openCatalogFromDialog({ chooseFile: async () => '/x/Clerk.transmittal', dispatch, onOpened, onError, offer: vi.fn() });
    expect(onError).toHaveBeenCalledExactlyOnceWith(message);
    expect(onOpened).not.toHaveBeenCalled();
  });

  it('offers to open read-only a catalog another program has open, and does so when asked', async () => {
    const message = '“Clerk.transmittal” is open in the web shell of ana on desk-7.';
    const dispatch = vi.fn(async (_method: string, input: unknown) =>
      (input as { readOnly?: boolean }).readOnly ? opened('/x/Clerk.transmittal') : { ok: false as const, error: { code: 'catalog-locked' as const, message } },
    );
    const offer = vi.fn(async () => true);
    const onOpened = vi.fn();
    await openCatalogFromDialog({ chooseFile: async () => '/x/Clerk.transmittal', dispatch, onOpened, onError: vi.fn(), offer });
    expect(offer).toHaveBeenCalledExactlyOnceWith(message, 'read-only');
    expect(dispatch).toHaveBeenLastCalledWith('catalog.open', { path: '/x/Clerk.transmittal', readOnly: true });
    expect(onOpened).toHaveBeenCalledOnce();
  });

  it('offers the newest backup of a damaged catalog, and opens nothing when declined', async () => {
    const error = { code: 'catalog-corrupt' as const, message: 'damaged', details: { backupPath: '/x/Clerk.transmittal backups/Clerk 2026-01-01 000000.transmittal' } };
    const dispatch = vi.fn(async () => ({ ok: false as const, error }));
    const offer = vi.fn(async () => false);
    const onOpened = vi.fn();
    await openCatalogFromDialog({ chooseFile: async () => '/x/Clerk.transmittal', dispatch, onOpened, onError: vi.fn(), offer });
    expect(offer).toHaveBeenCalledExactlyOnceWith('damaged', 'backup');
    expect(dispatch).toHaveBeenCalledOnce();
    expect(onOpened).not.toHaveBeenCalled();
  });
});
