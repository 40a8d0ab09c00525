// Files through the web shell, by reference: POST /api/upload streams a chosen file to disk and answers its handle
// (the API calls then name the handle), GET /download/<id>/<name> streams a file a call offered. Neither ever
// holds a whole file in memory.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { UPLOAD_NAME_HEADER } from '../../shared/api/file-ref';
import { AppError, toErrorShape } from '../../shared/domain/errors';
import { attachmentHeader, type FileExchange } from '../runtime/file-exchange';
import { sendError, sendJson } from './api-route';

export async function receiveUpload(files: FileExchange, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const rawName = request.headers[UPLOAD_NAME_HEADER];
  let name = typeof rawName === 'string' ? rawName : '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // A name that is not valid percent-encoding is kept as sent; plainFileName strips what is unsafe.
  }
  if (name.trim() === '') {
    request.resume();
    return sendError(response, 400, 'invalid-input', `An upload must name its file (the ${UPLOAD_NAME_HEADER} header).`);
  }
  try {
    const receipt = await files.receive(request, name);
    sendJson(response, 200, { ok: true, value: receipt });
  } catch (error) {
    // The rest of a refused body is drained unread, so the browser sees the answer instead of a reset.
    request.resume();
    response.setHeader('Connection', 'close');
    sendJson(response, error instanceof AppError && error.code === 'invalid-input' ? 413 : 500, { ok: false, error: toErrorShape(error) });
  }
}

export async function sendDownload(files: FileExchange, path: string, response: ServerResponse): Promise<void> {
  const download = await files.openDownload(path);
  if (!download) {
    response.statusCode = 404;
    response.setHeader('Content-Type', 'text/plain; charset=utf-8');
    response.end('This download address has expired or was never offered. Ask Transmittal for the file again.');
    return;
  }
  response.statusCode = 200;
  response.setHeader('Content-Type', 'application/octet-stream');
  response.setHeader('Content-Length', download.size);
  response.setHeader('Content-Disposition', attachmentHeader(download.fileName));
  response.setHeader('Cache-Control', 'no-store');
  await pipeline(Readable.from(download.body), response);
}
