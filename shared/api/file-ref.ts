// Files cross the API as references, never as their bytes: a path the desktop app's dialog or the CLI gave, or the
// handle of a file the browser uploaded to the web shell (POST /api/upload). Downloads go the other way: a call
// answers a one-time address the browser or the desktop window fetches the file from, streamed from disk.
import { z } from 'zod';

export const fileRefSchema = z.union([
  z.object({ path: z.string().trim().min(1, 'Choose a file').max(4096) }).strict(),
  z
    .object({ upload: z.string().regex(/^[0-9a-f]{32}$/, 'This upload is not known: choose the file again') })
    .strict(),
]);
export type FileRef = z.infer<typeof fileRefSchema>;

/** What POST /api/upload answers: the handle to pass in a FileRef, and what was received. */
export interface UploadReceipt {
  upload: string;
  fileName: string;
  size: number;
}

/** A file offered for download: GET `url` (same origin, no token: the address itself is the one-time key). */
export interface DownloadOffer {
  fileName: string;
  size: number;
  url: string;
}

/** The header carrying an uploaded file's name (URI-encoded, so any name survives HTTP). */
export const UPLOAD_NAME_HEADER = 'x-transmittal-file-name';
export const UPLOAD_PATH = '/api/upload';
export const DOWNLOAD_PREFIX = '/download/';
