// Decides whether a URL is one of the app's own pages: the built renderer's index.html in production, or the
// electron-vite dev server while developing. Trust is decided by parsing and comparing, never by string prefixes:
// "http://localhost:5173.evil.test" starts with the dev URL, and "file:///app/index.html/../../etc" contains it.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type IsTrustedUrl = (url: string) => boolean;

export interface AppPages {
  /** The built renderer's index.html on disk. */
  rendererIndexFile: string;
  /**
   * The dev server (ELECTRON_RENDERER_URL) while developing. Leave it undefined in a packaged app: an environment
   * variable must never be able to point the window, and the API, at someone else's server.
   */
  devServerUrl?: string;
  /** File systems on Windows ignore case, and Chromium may spell the drive letter differently than Node. */
  ignoreCase?: boolean;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The file a file: URL names (its #route and ?query ignored); null for a network host or an encoded separator. */
function localFile(url: URL): string | null {
  try {
    return resolve(fileURLToPath(url));
  } catch {
    return null;
  }
}

const isWebProtocol = (url: URL) => url.protocol === 'http:' || url.protocol === 'https:';

/**
 * Exactly one kind of page is trusted at a time: the dev server's origin when one is given, otherwise the one
 * index.html file (not its folder: any other file on disk is foreign).
 */
export function createTrustedUrlCheck(pages: AppPages): IsTrustedUrl {
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

  // Compared as paths, not URL text: Chromium and Node may percent-encode the same path differently.
  const fold = (path: string) => (pages.ignoreCase ? path.toLowerCase() : path);
  const indexFile = fold(resolve(pages.rendererIndexFile));
  return (url) => {
    const candidate = parse(url);
    if (candidate === null || candidate.protocol !== 'file:') return false;
    const file = localFile(candidate);
    return file !== null && fold(file) === indexFile;
  };
}
