// Serves the built renderer (out/renderer) to the browser: plain files only, never a directory listing, and never
// anything outside the renderer folder, whatever the request path says (../, %2e%2e%2f, symlinks).
import { streamRegularFile } from '../storage/regular-file';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** True when `candidate` is `root` itself or lies beneath it. Both must be absolute and normalized. */
export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Maps a raw request path to a file under `root`, or null when it names nothing servable. Decoding happens once,
 * here, and the check runs on the decoded, resolved path, so no encoding trick survives it.
 */
export function resolveRequestPath(root: string, rawPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded === '/' || decoded === '') decoded = '/index.html';
  const candidate = resolve(root, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  return isInside(root, candidate) && candidate !== root ? candidate : null;
}

function notFound(response: ServerResponse): void {
  response.statusCode = 404;
  response.setHeader('Content-Type', 'text/plain; charset=utf-8');
  response.end('Not found');
}

export async function serveStaticFile(rootDir: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.statusCode = 405;
    response.setHeader('Allow', 'GET, HEAD');
    response.setHeader('Content-Type', 'text/plain; charset=utf-8');
    response.end('Method not allowed');
    return;
  }
  const root = await realpath(rootDir);
  const requested = resolveRequestPath(root, request.url ?? '/');
  if (!requested) return notFound(response);

  let filePath: string;
  try {
    // A symlink inside the renderer folder could still point elsewhere: check where it really leads.
    filePath = await realpath(requested);
    if (!isInside(root, filePath) || !(await stat(filePath)).isFile()) return notFound(response);
  } catch {
    return notFound(response);
  }
  const size = (await stat(filePath)).size;
  response.statusCode = 200;
  response.setHeader('Content-Type', contentTypeFor(filePath));
  response.setHeader('Content-Length', size);
  response.setHeader('Cache-Control', 'no-cache');
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  // pipeline closes the file when the browser goes away mid-download; that is not an error worth reporting.
  // Opened as an ordinary file or not at all, so a FIFO swapped in after the check never holds the request open.
  const stream = await streamRegularFile(filePath).catch(() => null);
  if (!stream) return void response.destroy();
  await pipeline(stream, response).catch(() => response.destroy());
}
