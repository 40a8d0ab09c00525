// Reads a spreadsheet in a worker thread: the event loop keeps answering the UI, Cancel ends the thread at once,
// and a file that still manages to exhaust memory or time ends only that thread, never the app.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type AppErrorShape } from '../../shared/domain/errors';
import type { SheetTable } from '../../shared/import/types';
import type { ParseMessage, ParseRequest } from './parse-worker';
import { readSpreadsheet } from './read-spreadsheet';

export interface ParseControl {
  readonly cancelled: boolean;
}

export interface ParseOptions {
  /** Read in this thread (the CLI, which has nothing else to answer meanwhile, and tests that want to). */
  inProcess?: boolean;
  /** Heap allowed to the worker; past it the worker ends with a clear message. */
  maxMemoryMb?: number;
  timeLimitMs?: number;
}

const CANCEL_POLL_MS = 50;
const DEFAULT_MEMORY_MB = 1536;
const DEFAULT_TIME_LIMIT_MS = 5 * 60_000;

/**
 * Where the worker is: next to the bundle when built (electron-vite emits parse-worker.js beside the main entry or
 * one folder up from a shared chunk), else the TypeScript source started through its tsx boot file.
 */
export function parseWorkerLocation(): URL | null {
  for (const candidate of ['./parse-worker.js', '../parse-worker.js', './parse-worker-boot.mjs']) {
    const url = new URL(candidate, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

export async function parseSpreadsheet(bytes: Uint8Array, fileName: string, control: ParseControl, options: ParseOptions = {}): Promise<SheetTable[]> {
  const location = options.inProcess ? null : parseWorkerLocation();
  if (!location) {
    if (control.cancelled) throw cancelled(fileName);
    return readSpreadsheet(bytes, fileName);
  }
  return new Promise<SheetTable[]>((resolve, reject) => {
    const request: ParseRequest = { bytes, fileName };
    const worker = new Worker(location, {
      workerData: request,
      resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb ?? DEFAULT_MEMORY_MB },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(cancelPoll);
      clearTimeout(timeLimit);
      void worker.terminate();
      outcome();
    };
    const cancelPoll = setInterval(() => {
      if (control.cancelled) finish(() => reject(cancelled(fileName)));
    }, CANCEL_POLL_MS);
    const timeLimit = setTimeout(
      () => finish(() => reject(new AppError('invalid-input', `Reading "${fileName}" took too long and was stopped. Check that it is a box list or schedule, or split it into smaller files.`, { file: fileName }))),
      options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
    );
    worker.on('message', (message: ParseMessage) => {
      if (message.type === 'done') finish(() => resolve(message.sheets));
      else finish(() => reject(fromShape(message.error)));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish(() =>
        reject(
          new AppError(
            'invalid-input',
            outOfMemory
              ? `"${fileName}" needs more memory to read than Transmittal allows: it may be damaged or built to be harmful. Nothing was imported.`
              : `"${fileName}" could not be read: ${error.message}`,
            { file: fileName },
          ),
        ),
      );
    });
    worker.on('exit', (code) => {
      finish(() => reject(new AppError('internal', `Reading "${fileName}" stopped unexpectedly (code ${code}). Nothing was imported.`, { file: fileName })));
    });
  });
}

function cancelled(fileName: string): AppError {
  return new AppError('cancelled', `Reading "${fileName}" was cancelled. Nothing was imported.`, { file: fileName });
}

function fromShape(shape: AppErrorShape): AppError {
  return new AppError(shape.code, shape.message, shape.details);
}
