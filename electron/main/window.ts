// Creates the one main window: hardened preferences, remembered size and place, shown only once painted so the
// user never sees a blank white frame.
import { BrowserWindow } from 'electron';
import { secureWebPreferences } from './security';
import { MIN_WINDOW_SIZE, trackWindowState, type WindowState } from './window-state';

export interface MainWindowOptions {
  preloadPath: string;
  /** What to show: the dev server's address, or the built index.html on disk. */
  renderer: { url: string } | { file: string };
  state: WindowState;
  saveState: (state: WindowState) => void;
  icon?: string;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { state } = options;
  const window = new BrowserWindow({
    title: 'Transmittal',
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    backgroundColor: '#ffffff',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  trackWindowState(window, options.saveState);
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  // The page's <title> would otherwise replace the window title; the product name is what users look for.
  window.on('page-title-updated', (event) => event.preventDefault());

  const loading = 'url' in options.renderer ? window.loadURL(options.renderer.url) : window.loadFile(options.renderer.file);
  loading.catch((error: unknown) => console.error('The Transmittal window could not load its page:', error));
  return window;
}
