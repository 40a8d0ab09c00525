// A stand-in for the 'electron' module with just what electron/main and electron/preload use: registries that
// record what the code under test registered, and emitters a test fires like Electron would. Tests load it with
// vi.mock('electron', () => import('./fake-electron')); the real package needs the Electron binary.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Handler = (...args: any[]) => unknown;

/** Electron's Event: preventDefault plus the event's own fields. */
export function fakeEvent<Params extends object>(params: Params = {} as Params) {
  const event = {
    ...params,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export class FakeSession {
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  headersReceivedListener: Handler | null = null;
  setPermissionRequestHandler(handler: Handler | null) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Handler | null) {
    this.permissionCheckHandler = handler;
  }
  webRequest = {
    onHeadersReceived: (listener: Handler | null) => {
      this.headersReceivedListener = listener;
    },
  };
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: Handler | null = null;
  readonly sent: unknown[][] = [];
  setWindowOpenHandler(handler: Handler) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push([channel, ...args]);
  }
  /** Fires `name` (will-navigate, will-redirect) for `url`; answers whether the code under test blocked it. */
  attemptNavigation(name: 'will-navigate' | 'will-redirect', url: string): boolean {
    const event = fakeEvent({ url, isMainFrame: true, isSameDocument: false, frame: null });
    this.emit(name, event, url, false, true, 1, 1);
    return event.defaultPrevented;
  }
  /** What window.open(url) or a target="_blank" link gets from the window open handler. */
  openWindow(url: string): unknown {
    if (!this.windowOpenHandler) throw new Error('No window open handler was set: Electron would allow the window.');
    return this.windowOpenHandler({ url, frameName: '', features: '', disposition: 'new-window', referrer: {} });
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  readonly paths: Record<string, string> = { documents: '/fake/documents', userData: '/fake/user-data' };
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly enableSandbox = vi.fn();
  readonly setAppUserModelId = vi.fn();
  readonly requestSingleInstanceLock = vi.fn(() => true);
  private resolveReady!: () => void;
  private ready = new Promise<void>((resolve) => (this.resolveReady = resolve));
  getPath(name: string) {
    const path = this.paths[name];
    if (!path) throw new Error(`The fake app has no path named ${name}`);
    return path;
  }
  getVersion() {
    return '0.0.0-test';
  }
  getAppPath() {
    return '/fake/app';
  }
  whenReady() {
    return this.ready;
  }
  /** Test helper: Electron's 'ready'. */
  isReadyForTests = false;
  becomeReady() {
    this.isReadyForTests = true;
    this.resolveReady();
    this.emit('ready');
  }
  reset() {
    this.removeAllListeners();
    this.isPackaged = false;
    this.isReadyForTests = false;
    this.ready = new Promise<void>((resolve) => (this.resolveReady = resolve));
  }
}

export const app = new FakeApp();

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => {});
  readonly loadFile = vi.fn(async (_file: string) => {});
  readonly show = vi.fn();
  readonly maximize = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  maximized = false;
  constructor(readonly options: Record<string, any> = {}) {
    super();
    BrowserWindow.instances.push(this);
    // Electron announces every new web contents to the app, which is where the security module hooks in.
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  getNormalBounds() {
    return { x: this.options.x ?? 10, y: this.options.y ?? 20, width: this.options.width, height: this.options.height };
  }
  isMaximized() {
    return this.maximized;
  }
  isMinimized() {
    return false;
  }
}

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler) {
    // Electron refuses a second handler for a channel; so does the fake, so a double registration fails a test.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  },
  /** Test helper: what ipcRenderer.invoke(channel, ...args) from a frame showing `senderUrl` would get. */
  async invokeFrom(senderUrl: string | null, channel: string, ...args: unknown[]) {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: senderUrl === null ? null : { url: senderUrl } }, ...args);
  },
};

class FakeIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, value: { channel, args } }));
}
export const ipcRenderer = new FakeIpcRenderer();

export const webUtils = {
  getPathForFile: vi.fn((file: { name: string }) => `/home/clerk/Documents/${file.name}`),
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown) {
    if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property: ${key}`);
    this.exposed.set(key, api);
  },
};

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
  registerSchemesAsPrivileged: vi.fn((schemes: unknown[]) => {
    if (app.isReadyForTests) throw new Error('registerSchemesAsPrivileged can only be called before the app is ready');
    protocol.privileged.push(...schemes);
  }),
  handle: vi.fn((scheme: string, handler: (request: { url: string }) => Promise<Response>) => {
    if (!app.isReadyForTests) throw new Error('protocol.handle must be called after the app is ready');
    protocol.handlers.set(scheme, handler);
  }),
};

export const shell = { openExternal: vi.fn(async (_url: string) => {}) };

export const session = { defaultSession: new FakeSession() };

export const screen = {
  getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export const dialog = {
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0 })),
  showMessageBoxSync: vi.fn((..._args: unknown[]) => 0),
  showErrorBox: vi.fn(),
};

/** Forgets everything registered, for the next test. */
export function resetFakeElectron(): void {
  app.reset();
  ipcRenderer.removeAllListeners();
  session.defaultSession = new FakeSession();
  BrowserWindow.instances = [];
  ipcMain.handlers.clear();
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  contextBridge.exposed.clear();
  vi.clearAllMocks();
}
