// The desktop app's entry point: wires Electron to the Node-side session and stays thin. Everything with logic
// (security, trust, IPC, menu, window state) lives in a small module that a unit test drives with a fake electron.
import { join } from 'node:path';
import {
  app,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session as electronSession,
  shell,
  type BrowserWindow,
  type OpenDialogOptions,
} from 'electron';
import { toErrorShape } from '../../shared/domain/errors';
import { createSession, type Session } from '../session/session';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../preload/menu-command';
import { registerApiHandlers, trustedSenderCheck } from './ipc';
import { buildMenuTemplate, openCatalogFromDialog } from './menu';
import { guardQuit } from './quit-guard';
import { APP_INDEX_URL, appScheme, serveAppFiles } from './app-protocol';
import { hardenAllWebContents, hardenSession } from './security';
import { createTrustedUrlCheck } from './trusted-url';
import { createMainWindow } from './window';
import { readWindowState, writeWindowState } from './window-state';

const here = import.meta.dirname;
const rendererDir = join(here, '../renderer');
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const isTrustedUrl = createTrustedUrlCheck({ devServerUrl });
// Before the app is ready, or Chromium treats app: pages as opaque and CSP 'self' matches nothing.
protocol.registerSchemesAsPrivileged([appScheme]);

// Before anything else exists: every renderer is sandboxed and every web contents hardened, even ones created later.
app.enableSandbox();
app.setAppUserModelId('org.transmittal.app');
hardenAllWebContents(app, { isTrustedUrl, openExternal: (url) => shell.openExternal(url) });

let apiSession: Session | null = null;
let mainWindow: BrowserWindow | null = null;

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(MENU_COMMAND_CHANNEL, command);
}

function openMainWindow(): BrowserWindow {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const window = createMainWindow({
    preloadPath: join(here, '../preload/index.cjs'),
    renderer: { url: devServerUrl ?? APP_INDEX_URL },
    state: readWindowState(stateFile, workAreas),
    saveState: (state) => writeWindowState(stateFile, state),
    // Linux takes the window icon from here; macOS and Windows from the packaged app (electron-builder.yml).
    icon: process.platform === 'linux' ? join(app.getAppPath(), 'resources/icon.png') : undefined,
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  return window;
}

async function start(): Promise<void> {
  hardenSession(electronSession.defaultSession, { isTrustedUrl });
  serveAppFiles(protocol, rendererDir, undefined, () => apiSession?.files ?? null);
  const workspaceDir = join(app.getPath('documents'), 'Transmittal');
  try {
    apiSession = await createSession({
      workspaceDir,
      program: 'the desktop app',
      appVersion: app.getVersion(),
      onError: (error) => console.error('Unexpected error in a Transmittal call:', error),
    });
  } catch (error) {
    dialog.showErrorBox(
      'Transmittal cannot start',
      `Transmittal keeps its catalogs in ${workspaceDir} and could not prepare that folder.\n\n${String(error)}`,
    );
    app.exit(1);
    return;
  }
  const { dispatch } = apiSession;
  registerApiHandlers(ipcMain, dispatch, trustedSenderCheck(isTrustedUrl));

  const template = buildMenuTemplate({
    isPackaged: app.isPackaged,
    platform: process.platform,
    actions: {
      send: sendMenuCommand,
      openCatalog: () =>
        void openCatalogFromDialog({
          chooseFile: async () => {
            const options: OpenDialogOptions = {
              title: 'Open catalog',
              defaultPath: workspaceDir,
              properties: ['openFile'],
              filters: [{ name: 'Transmittal catalog', extensions: ['transmittal'] }],
            };
            const choice = mainWindow
              ? await dialog.showOpenDialog(mainWindow, options)
              : await dialog.showOpenDialog(options);
            return choice.canceled || choice.filePaths.length === 0 ? null : choice.filePaths[0];
          },
          dispatch,
          onOpened: () => sendMenuCommand('catalog.opened'),
          onError: (message) => dialog.showErrorBox('The catalog could not be opened', message),
          offer: async (message, choice) => {
            const options = {
              type: 'warning' as const,
              title: 'Transmittal',
              message: 'The catalog could not be opened for changes.',
              detail: message,
              buttons: [choice === 'read-only' ? 'Open read-only' : 'Open a copy of the newest backup', 'Cancel'],
              defaultId: 0,
              cancelId: 1,
            };
            const answer = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
            return answer.response === 0;
          },
        }),
      showAbout: () =>
        void dialog.showMessageBox({
          type: 'info',
          title: 'About Transmittal',
          message: `Transmittal ${app.getVersion()}`,
          detail:
            "Catalog a department's records, package transfers to a records center, and keep a verifiable receipt on both sides.",
        }),
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));

  mainWindow = openMainWindow();
}

// A second copy would open the same catalogs and save over the first one's changes.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.whenReady().then(start, (error: unknown) => {
    console.error('Transmittal failed to start:', error);
    app.exit(1);
  });

  app.on('activate', () => {
    // macOS keeps the app running with no window; clicking the dock icon brings one back.
    if (apiSession && !mainWindow) mainWindow = openMainWindow();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  guardQuit(app, {
    close: (options) => apiSession?.close(options) ?? Promise.resolve(),
    ask: (error) => {
      console.error('Could not save the catalog while quitting:', error);
      const choice = dialog.showMessageBoxSync({
        type: 'warning',
        title: 'Transmittal',
        message: 'Your latest changes could not be saved.',
        detail: toErrorShape(error).message,
        buttons: ['Try again', 'Save as…', 'Quit without saving'],
        defaultId: 0,
        cancelId: 1,
      });
      return choice === 0 ? 'retry' : choice === 2 ? 'discard' : 'save-as';
    },
    onSaveAs: () => {
      if (!mainWindow) mainWindow = openMainWindow();
      mainWindow.focus();
      sendMenuCommand('catalog.saveAs');
    },
  });
}
