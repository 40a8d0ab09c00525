// Hardens every window the app opens, following Electron's security checklist as Actual Budget applies it: the
// renderer gets no Node, runs sandboxed and isolated, cannot navigate away, open windows, embed webviews or get
// permissions, and app pages carry the CSP as a header as well as the meta tag.
import type { App, Session, WebContents, WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { openExternalSafely, type ExternalOpener } from './open-external';
import type { IsTrustedUrl } from './trusted-url';

export interface SecurityOptions {
  isTrustedUrl: IsTrustedUrl;
  /** shell.openExternal in the app; a spy in tests. */
  openExternal: ExternalOpener;
}

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    // A file dropped on the window would otherwise replace the app with that file.
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

export function hardenWebContents(contents: WebContents, options: SecurityOptions): void {
  // In-page routes (#/boxes) do not fire these events, so every event here is a new document.
  contents.on('will-navigate', (event) => {
    if (!options.isTrustedUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!options.isTrustedUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Links with target="_blank" (help pages, a records center's site, mailto:) open in the user's browser or mail
  // program; the app itself never gets a second window, and its own pages are useless in a browser (no bridge).
  contents.setWindowOpenHandler(({ url }) => {
    if (!options.isTrustedUrl(url)) void openExternalSafely(url, options.openExternal);
    return { action: 'deny' };
  });
}

/** Applies hardenWebContents to every web contents the app will ever create, including ones nobody planned. */
export function hardenAllWebContents(app: App, options: SecurityOptions): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, options));
}

/**
 * Permissions the app's own pages may use. Copying a box label or a manifest fingerprint calls
 * navigator.clipboard.writeText; nothing else (camera, location, notifications...) is ever needed.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function hardenSession(session: Session, options: Pick<SecurityOptions, 'isTrustedUrl'>): void {
  const allowed = (permission: string, requestingUrl: string | undefined) =>
    ALLOWED_PERMISSIONS.has(permission) && requestingUrl !== undefined && options.isTrustedUrl(requestingUrl);

  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(allowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    allowed(permission, details.requestingUrl),
  );
  session.webRequest.onHeadersReceived((details, callback) => {
    const isAppDocument =
      (details.resourceType === 'mainFrame' || details.resourceType === 'subFrame') && options.isTrustedUrl(details.url);
    if (!isAppDocument) {
      callback({});
      return;
    }
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}
