// The worker thread that reads a spreadsheet, so a large or hostile file never stalls the calls the UI makes
// meanwhile: the session waits for one message (the sheets, or the error) and can end the thread to cancel.
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorShape } from '../../shared/domain/errors';
import type { SheetTable } from '../../shared/import/types';
import { readSpreadsheet } from './read-spreadsheet';

export interface ParseRequest {
  bytes: Uint8Array;
  fileName: string;
}

export type ParseMessage = { type: 'done'; sheets: SheetTable[] } | { type: 'failed'; error: ReturnType<typeof toErrorShape> };

const request = workerData as ParseRequest;
let message: ParseMessage;
try {
  message = { type: 'done', sheets: await readSpreadsheet(request.bytes, request.fileName) };
} catch (error) {
  message = { type: 'failed', error: toErrorShape(error) };
}
parentPort?.postMessage(message);
