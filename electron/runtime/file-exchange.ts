// Files in and out of the core by reference. An upload (the web shell's browser sending a chosen file) is streamed
// to a private temp folder and named by a random handle; a download is a short-lived random address the browser or
// the desktop window fetches, streamed from disk. No file's bytes ever travel inside an API call.
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { DownloadOffer, FileRef, UploadReceipt } from '../../shared/api/file-ref';
import { DOWNLOAD_PREFIX } from '../../shared/api/file-ref';
import { AppError } from '../../shared/domain/errors';
import { describeFileError } from '../storage/file-system';
import { kindOf, streamRegularFile } from '../storage/regular-file';

/** A file a call may read: where it is, and the name to show the person (never the temp handle). */
export interface ResolvedFile {
  path: string;
  fileName: string;
  /** True for an upload: the caller releases it once read. */
  uploaded: boolean;
}

export interface DownloadStream {
  fileName: string;
  size: number;
  body: AsyncIterable<Buffer>;
}

/** The largest upload taken: a transfer package with electronic records can be large; the disk is the real limit. */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024 * 1024;
/** How long a download address works after the call that offered it. */
export const DOWNLOAD_TTL_MS = 15 * 60 * 1000;

const handle = () => randomBytes(16).toString('hex');

/** "report.xlsx" from anything a browser or a path may carry; never empty, never a folder. */
export function plainFileName(name: string): string {
  const last = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return last === '' || last === '.' || last === '..' ? 'file' : last.slice(0, 255);
}

interface Uploaded {
  path: string;
  fileName: string;
}

interface Offered {
  path: string;
  fileName: string;
  expires: number;
}

export class FileExchange {
  private folder: Promise<string> | null = null;
  private readonly uploads = new Map<string, Uploaded>();
  private readonly downloads = new Map<string, Offered>();

  constructor(private readonly options: { parentDir?: string; now?: () => number; downloadTtlMs?: number } = {}) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private uploadFolder(): Promise<string> {
    this.folder ??= mkdtemp(join(this.options.parentDir ?? tmpdir(), 'transmittal-uploads-'));
    return this.folder;
  }

  /** Streams an upload to disk, refusing it (and keeping nothing) past `maxBytes` or when the disk fails. */
  async receive(body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, name: string, maxBytes = MAX_UPLOAD_BYTES): Promise<UploadReceipt> {
    const fileName = plainFileName(name);
    const upload = handle();
    const path = join(await this.uploadFolder(), upload);
    const file = await open(path, 'wx', 0o600);
    let size = 0;
    let kept = false;
    try {
      for await (const chunk of body) {
        size += chunk.length;
        if (size > maxBytes) {
          throw new AppError('invalid-input', `“${fileName}” is larger than ${Math.round(maxBytes / (1024 * 1024))} MB, more than Transmittal takes in one file.`, { file: fileName });
        }
        await file.write(chunk);
      }
      await file.close();
      kept = true;
    } catch (error) {
      await file.close().catch(() => undefined);
      if (error instanceof AppError) throw error;
      throw new AppError('io-failed', `“${fileName}” could not be received: ${describeFileError(error)}. Nothing was kept; try again.`, { file: fileName });
    } finally {
      if (!kept) await rm(path, { force: true });
    }
    this.uploads.set(upload, { path, fileName });
    return { upload, fileName, size };
  }

  /** Where a referenced file is. A path is taken as given (the CLI's argument, the desktop dialog's choice). */
  resolve(ref: FileRef): ResolvedFile {
    if ('path' in ref) return { path: ref.path, fileName: plainFileName(ref.path), uploaded: false };
    const found = this.uploads.get(ref.upload);
    if (!found) {
      throw new AppError('not-found', 'That uploaded file is no longer here (it was used already, or Transmittal was restarted): choose the file again.', {
        field: 'file',
      });
    }
    return { path: found.path, fileName: found.fileName, uploaded: true };
  }

  /** Forgets an upload and deletes its temp copy; a path reference is left alone. */
  async release(ref: FileRef): Promise<void> {
    if ('path' in ref) return;
    const found = this.uploads.get(ref.upload);
    this.uploads.delete(ref.upload);
    if (found) await rm(found.path, { force: true });
  }

  /** Offers a file on disk for download under a fresh random address, valid for DOWNLOAD_TTL_MS. */
  async offer(path: string, fileName = plainFileName(path)): Promise<DownloadOffer> {
    let size: number;
    try {
      const stats = await stat(path);
      if (!stats.isFile()) throw new AppError('invalid-input', `${path} is ${kindOf(stats)}, not a file that can be downloaded.`, { file: path });
      size = stats.size;
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('not-found', `${fileName} cannot be read any more (${describeFileError(error)}): create it again.`, { file: path });
    }
    const now = this.now();
    for (const [id, offered] of this.downloads) if (offered.expires <= now) this.downloads.delete(id);
    const id = handle();
    this.downloads.set(id, { path, fileName: plainFileName(fileName), expires: now + (this.options.downloadTtlMs ?? DOWNLOAD_TTL_MS) });
    return { fileName: plainFileName(fileName), size, url: `${DOWNLOAD_PREFIX}${id}/${encodeURIComponent(plainFileName(fileName))}` };
  }

  /** The file a download address names, opened for streaming; null when unknown, expired or gone. */
  async openDownload(urlPath: string): Promise<DownloadStream | null> {
    const match = /^\/download\/([0-9a-f]{32})(?:\/[^/]*)?$/.exec(urlPath.split('?')[0]);
    const offered = match ? this.downloads.get(match[1]) : undefined;
    if (!offered || offered.expires <= this.now()) return null;
    try {
      const size = (await stat(offered.path)).size;
      return { fileName: offered.fileName, size, body: await streamRegularFile(offered.path, { highWaterMark: 1 << 20 }) };
    } catch {
      return null;
    }
  }

  /** Deletes every upload still held (the program is closing). */
  async dispose(): Promise<void> {
    this.uploads.clear();
    this.downloads.clear();
    const folder = this.folder;
    this.folder = null;
    if (folder) await rm(await folder, { recursive: true, force: true });
  }
}

/** Content-Disposition for a download: an ASCII fallback plus the exact name (RFC 6266 / RFC 5987). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
