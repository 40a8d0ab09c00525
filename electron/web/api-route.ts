// The API over HTTP: POST /api/<method> with a JSON body runs the same dispatch as Electron IPC and answers its
// ApiResponse as JSON. Transport failures (bad token, too big, not JSON) answer the same shape, so the renderer
// shows every error the same way.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiResponse, ErrorCode } from '../../shared/api/errors';
import type { Dispatch } from '../session/dispatch';

/** Big enough for a pasted spreadsheet of thousands of folders, small enough not to exhaust memory. Files never
 * come this way: they are uploaded to /api/upload and named by handle. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export function sendJson(response: ServerResponse, status: number, body: ApiResponse<unknown>): void {
  const text = JSON.stringify(body);
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Content-Length', Buffer.byteLength(text));
  response.setHeader('Cache-Control', 'no-store');
  response.end(text);
}

export function sendError(response: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendJson(response, status, { ok: false, error: { code, message } });
}

class BodyTooLarge extends Error {}

/** Reads the whole body, stopping at the limit. Past the limit the rest is drained unread so the client can see our answer. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      request.resume();
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let failed = false;
    request.on('data', (chunk: Buffer) => {
      if (failed) return;
      received += chunk.length;
      if (received > limit) {
        failed = true;
        chunks.length = 0;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    request.on('error', (error) => {
      if (!failed) reject(error);
      failed = true;
    });
  });
}

/** The method name from "/api/catalog.open?x" → "catalog.open"; dispatch itself refuses unknown names. */
export function apiMethodFromPath(rawPath: string): string {
  return rawPath.split('?')[0].slice('/api/'.length);
}

export async function handleApiCall(
  dispatch: Dispatch,
  request: IncomingMessage,
  response: ServerResponse,
  maxBodyBytes = MAX_BODY_BYTES,
): Promise<void> {
  let body: Buffer;
  try {
    body = await readBody(request, maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      const megabytes = Math.round(maxBodyBytes / (1024 * 1024));
      response.setHeader('Connection', 'close');
      sendError(response, 413, 'invalid-input', `The request is larger than ${megabytes} MB. Send less at a time (for example, paste fewer rows).`);
      return;
    }
    throw error;
  }

  let input: unknown = {};
  const text = body.toString('utf8').trim();
  if (text.length > 0) {
    try {
      input = JSON.parse(text);
    } catch {
      sendError(response, 400, 'invalid-input', 'The request body is not valid JSON.');
      return;
    }
  }
  const answer = await dispatch(apiMethodFromPath(request.url ?? ''), input);
  sendJson(response, 200, answer);
}
