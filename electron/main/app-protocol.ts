// The app's own pages come from app://transmittal/, not file:// (Electron's security checklist, item 18): a
// file: page could read any file its URL names, while this scheme serves only the built renderer's folder.
import { readFile } from 'node:fs/promises';
import { extname, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { CustomScheme, Protocol } from 'electron';
import { DOWNLOAD_PREFIX } from '../../shared/api/file-ref';
import { attachmentHeader, type FileExchange } from '../runtime/file-exchange';

export const APP_SCHEME = 'app';
export const APP_HOST = 'transmittal';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Registered before the app is ready: a standard, secure scheme, so the page gets an origin and CSP 'self' works. */
export const appScheme: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/**
 * The file inside `rendererDir` that an app: URL names, or null for anything else: another host, credentials or a
 * port, an encoded separator or NUL, or a path that climbs out of the folder. "/" is the index page.
 */
export function resolveAppFile(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST || parsed.port !== '' || parsed.username !== '' || parsed.password !== '') {
    return null;
  }
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (/[\\\0]/.test(path) || /%2f|%5c/i.test(parsed.pathname)) return null;
  if (path === '/' || path === '') path = '/index.html';
  const root = resolve(rendererDir);
  const file = resolve(root, `.${path}`);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || resolve(inside) === inside) return null;
  return file;
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** What serves app://transmittal/download/<id>/<name>: the files the session offered (none before it exists). */
export type DownloadSource = () => Pick<FileExchange, 'openDownload'> | null;

/** An offered download, streamed from disk as the window's own download (which asks where to save it). */
async function serveDownload(url: string, downloads: DownloadSource): Promise<Response> {
  const download = await downloads()?.openDownload(new URL(url).pathname);
  if (!download) return new Response('This download has expired. Ask Transmittal for the file again.', { status: 404 });
  const body = Readable.toWeb(Readable.from(download.body)) as unknown as ConstructorParameters<typeof Response>[0];
  return new Response(body, {
    headers: {
      'content-type': 'application/octet-stream',
      'content-length': String(download.size),
      'content-disposition': attachmentHeader(download.fileName),
      'x-content-type-options': 'nosniff',
    },
  });
}

/** Answers app: requests from the renderer folder; everything else is a 404, never a file elsewhere on disk. */
export function serveAppFiles(
  protocol: Pick<Protocol, 'handle'>,
  rendererDir: string,
  read: (file: string) => Promise<Uint8Array> = (file) => readFile(file),
  downloads: DownloadSource = () => null,
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.url.startsWith(`${APP_SCHEME}://${APP_HOST}${DOWNLOAD_PREFIX}`)) return serveDownload(request.url, downloads);
    const file = resolveAppFile(request.url, rendererDir);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const bytes = await read(file);
      return new Response(bytes as unknown as ConstructorParameters<typeof Response>[0], { headers: { 'content-type': contentTypeOf(file), 'x-content-type-options': 'nosniff' } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
