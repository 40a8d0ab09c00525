// Decides whether a URL is one of the app's own pages: app://transmittal/ in production (see app-protocol.ts), or
// the electron-vite dev server while developing. Trust is decided by parsing and comparing, never by string
// prefixes: "http://localhost:5173.evil.test" starts with the dev URL, and "app://transmittal.evil/" with the app's.
import { APP_HOST, APP_SCHEME } from './app-protocol';

export type IsTrustedUrl = (url: string) => boolean;

export interface AppPages {
  /**
   * The dev server (ELECTRON_RENDERER_URL) while developing. Leave it undefined in a packaged app: an environment
   * variable must never be able to point the window, and the API, at someone else's server.
   */
  devServerUrl?: string;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

const isWebProtocol = (url: URL) => url.protocol === 'http:' || url.protocol === 'https:';

/**
 * Exactly one kind of page is trusted at a time: the dev server's origin when one is given, otherwise the app's
 * own scheme and host (never file:, whatever file it names).
 */
export function createTrustedUrlCheck(pages: AppPages = {}): IsTrustedUrl {
  if (pages.devServerUrl !== undefined) {
    const devServer = parse(pages.devServerUrl);
    if (!devServer || !isWebProtocol(devServer)) {
      throw new Error(`The renderer dev server URL is not an http(s) address: ${pages.devServerUrl}`);
    }
    return (url) => {
      const candidate = parse(url);
      return (
        candidate !== null &&
        isWebProtocol(candidate) &&
        candidate.origin === devServer.origin &&
        candidate.username === '' &&
        candidate.password === ''
      );
    };
  }
  return (url) => {
    const candidate = parse(url);
    return (
      candidate !== null &&
      candidate.protocol === `${APP_SCHEME}:` &&
      candidate.hostname === APP_HOST &&
      candidate.port === '' &&
      candidate.username === '' &&
      candidate.password === ''
    );
  };
}
