// The web shell: Transmittal in any browser on this machine. A node:http server on 127.0.0.1 serves the built renderer
// and maps the API contract to POST /api/<method>, guarded by Host, Origin and a per-run token.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TOKEN_HEADER } from '../../shared/api/bridge';
import { DOWNLOAD_PREFIX, UPLOAD_PATH } from '../../shared/api/file-ref';
import type { FileExchange } from '../runtime/file-exchange';
import type { Dispatch } from '../session/dispatch';
import { handleApiCall, MAX_BODY_BYTES, sendError } from './api-route';
import { receiveUpload, sendDownload } from './file-routes';
import { createToken, isAllowedHost, isAllowedOrigin, tokenMatches } from './request-guard';
import { setSecurityHeaders } from './security-headers';
import { serveStaticFile } from './static-files';

/** All the web shell needs from a session: the same dispatch Electron IPC uses, and its files by reference. */
export interface WebShellSession {
  dispatch: Dispatch;
  files: FileExchange;
}

export interface WebShellOptions {
  session: WebShellSession;
  /** 0 (the default) lets the system pick a free port. */
  port?: number;
  /** The built renderer, normally out/renderer. */
  rendererDir: string;
  log?: (message: string) => void;
  /** Tests lower it; the default suits real pastes. */
  maxBodyBytes?: number;
}

export interface WebShell {
  /** The address to open, token included: http://127.0.0.1:PORT/?token=... */
  url: string;
  port: number;
  token: string;
  /** Where the socket really listens, as the system reports it. */
  address: AddressInfo;
  close(): Promise<void>;
}

/** The only interface we listen on: never 0.0.0.0, so nobody else on the network can reach the catalog. */
export const LOOPBACK = '127.0.0.1';

function isApiPath(rawPath: string): boolean {
  const path = rawPath.split('?')[0];
  return path === '/api' || path.startsWith('/api/');
}

function refuse(response: ServerResponse, api: boolean, status: number, message: string): void {
  if (api) {
    sendError(response, status, 'forbidden', message);
    return;
  }
  response.statusCode = status;
  response.setHeader('Content-Type', 'text/plain; charset=utf-8');
  response.end(message);
}

export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const { session, rendererDir, log = () => {}, maxBodyBytes = MAX_BODY_BYTES } = options;
  const token = createToken();
  let port = 0;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setSecurityHeaders(response);
    const rawPath = request.url ?? '/';
    const api = isApiPath(rawPath);

    if (!isAllowedHost(request.headers.host, port)) {
      return refuse(response, api, 403, `Open Transmittal at http://127.0.0.1:${port}/ (this address is not allowed).`);
    }
    if (!isAllowedOrigin(request.headers.origin, port)) {
      return refuse(response, api, 403, 'Requests from other web sites are not allowed.');
    }
    // A download address is its own key: random, short-lived, and only ever handed out by an authorized call.
    if (!api && request.method === 'GET' && rawPath.startsWith(DOWNLOAD_PREFIX)) return sendDownload(session.files, rawPath, response);
    if (!api) return serveStaticFile(rendererDir, request, response);

    if (request.method !== 'POST') {
      response.setHeader('Allow', 'POST');
      return sendError(response, 405, 'invalid-input', 'API calls must be sent with POST.');
    }
    if (!tokenMatches(request.headers[TOKEN_HEADER], token)) {
      return sendError(
        response,
        401,
        'forbidden',
        'This browser tab does not have the key for this run of Transmittal. Open the address printed when it started.',
      );
    }
    if (rawPath.split('?')[0] === UPLOAD_PATH) return receiveUpload(session.files, request, response);
    await handleApiCall(session.dispatch, request, response, maxBodyBytes);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`web shell: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (response.headersSent) {
        response.destroy();
        return;
      }
      sendError(response, 500, 'internal', 'Something went wrong inside Transmittal. Your saved catalog is unchanged.');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  port = address.port;

  return {
    url: `http://${LOOPBACK}:${port}/?token=${token}`,
    port,
    token,
    address: { address: address.address, family: address.family, port: address.port },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Browsers hold keep-alive connections open; without this, close() would wait for them to time out.
        server.closeAllConnections();
      }),
  };
}
