// The application menu. Items whose work happens in the UI (forms, confirmations, job progress) send a menu
// command to the window; "Open catalog…" needs only the native file dialog and the API, so main does it itself.
import type { MenuItemConstructorOptions } from 'electron';
import type { Dispatch } from '../session/dispatch';
import type { MenuCommand } from '../preload/menu-command';

export interface MenuActions {
  send(command: MenuCommand): void;
  openCatalog(): void;
  showAbout(): void;
}

export interface MenuOptions {
  /** Reload and developer tools are for developers: a packaged app does not show them. */
  isPackaged: boolean;
  platform: NodeJS.Platform;
  actions: MenuActions;
}

export function buildMenuTemplate({ isPackaged, platform, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  // On macOS the first menu is the app's own (About, Hide, Quit) whatever its label says.
  if (isMac) template.push({ role: 'appMenu' });
  template.push({
    label: '&File',
    submenu: [
      { label: 'New catalog…', accelerator: 'CmdOrCtrl+N', click: () => actions.send('catalog.new') },
      { label: 'Open catalog…', accelerator: 'CmdOrCtrl+O', click: () => actions.openCatalog() },
      { label: 'Open sample catalog', click: () => actions.send('catalog.openSample') },
      { type: 'separator' },
      { label: 'Save', accelerator: 'CmdOrCtrl+S', click: () => actions.send('catalog.save') },
      { label: 'Save as…', accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.send('catalog.saveAs') },
      { label: 'Close catalog', click: () => actions.send('catalog.close') },
      ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
    ],
  });
  // These act on the text field being edited; undoing catalog changes is the UI's own Undo button (history.undo).
  template.push({
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });
  template.push({
    label: '&View',
    submenu: [
      ...(isPackaged
        ? []
        : [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });
  template.push({
    label: '&Help',
    submenu: [{ label: 'About Transmittal', click: () => actions.showAbout() }],
  });
  return template;
}

export interface OpenCatalogDependencies {
  /** The native open dialog; null when the user cancels. */
  chooseFile: () => Promise<string | null>;
  dispatch: Dispatch;
  /** Tells the window to reload what it shows. */
  onOpened: () => void;
  /** Shows the API's message (it names the file and what to do). */
  onError: (message: string) => void;
  /**
   * Asks, with the API's message, whether to take the way out it offers: open read-only (the catalog is open in
   * another program) or open a copy of the newest backup (the catalog is damaged). True to take it.
   */
  offer: (message: string, choice: 'read-only' | 'backup') => Promise<boolean>;
}

/** "Open catalog…": the same catalog.open call the UI makes, so the checks (newer version, corrupt file) are shared. */
export async function openCatalogFromDialog(dependencies: OpenCatalogDependencies): Promise<void> {
  const path = await dependencies.chooseFile();
  if (path === null) return;
  let response = await dependencies.dispatch('catalog.open', { path });
  if (!response.ok) {
    const { code, message, details } = response.error;
    const choice = code === 'catalog-locked' ? 'read-only' : code === 'catalog-corrupt' && typeof details?.backupPath === 'string' ? 'backup' : null;
    if (choice === null) return dependencies.onError(message);
    if (!(await dependencies.offer(message, choice))) return;
    response = choice === 'read-only' ? await dependencies.dispatch('catalog.open', { path, readOnly: true }) : await dependencies.dispatch('catalog.openBackup', { path });
  }
  if (response.ok) dependencies.onOpened();
  else dependencies.onError(response.error.message);
}
