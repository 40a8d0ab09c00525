// Zips a package folder: every file streamed from disk a megabyte at a time, in sorted order, under the folder's
// name, written to a temp file and renamed so no half zip is ever left where a whole one is expected.
import { lstat, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { AppError } from '../../shared/domain/errors';
import { tempPathFor } from '../storage/file-system';
import { openRegularFile } from '../storage/regular-file';
import { checkZipFits, ZipWriter } from './zip-writer';

export interface ZipOptions {
  /** Timestamp stored for every entry; fixed by tests and reproducible builds. Default: now. */
  mtime?: Date;
}

/** Every file and folder under `dir`, relative, sorted: the zip lists them in this order every time. */
async function listTree(dir: string): Promise<{ path: string; isDirectory: boolean; size: number }[]> {
  const found: { path: string; isDirectory: boolean; size: number }[] = [];
  async function walk(relative: string): Promise<void> {
    for (const name of (await readdir(join(dir, relative))).sort()) {
      const path = relative === '' ? name : `${relative}/${name}`;
      const stats = await lstat(join(dir, path));
      if (stats.isDirectory()) {
        found.push({ path, isDirectory: true, size: 0 });
        await walk(path);
      } else if (stats.isFile()) {
        found.push({ path, isDirectory: false, size: stats.size });
      } else {
        throw new AppError('invalid-input', `${path} in ${dir} is a link or special file; a package holds plain files only.`, { file: path });
      }
    }
  }
  await walk('');
  return found;
}

/** Files larger than this are stored as they are rather than deflated. */
export const DEFLATE_UP_TO_BYTES = 64 * 1024 ** 2;

/**
 * Electronic records (data/records/) are mostly PDFs, images and office files that are compressed already:
 * deflating them again costs processor time and saves next to nothing. Any file over 64 MB is stored too, so
 * zipping gigabytes runs at the speed of the disk, not of deflate (tens of MB/s on such data).
 */
function storedAsIs(path: string, size: number): boolean {
  return path.startsWith('data/records/') || size > DEFLATE_UP_TO_BYTES;
}

async function addFile(zip: ZipWriter, name: string, path: string, deflate: boolean): Promise<void> {
  // Opened as an ordinary file or not at all: a FIFO swapped in after the listing would never end.
  const { handle } = await openRegularFile(path);
  try {
    await zip.addFile(name, handle, deflate);
  } finally {
    await handle.close();
  }
}

/**
 * Zips `dir` to `zipPath` as "<folder name>/…", streaming each file a megabyte at a time. Written to a temp file
 * and renamed, so no half zip is left. Refused when the zip would pass 4 GB (see zip-writer.ts).
 */
export async function zipDirectory(dir: string, zipPath: string, options: ZipOptions = {}): Promise<void> {
  if (await stat(zipPath).then(() => true, () => false)) {
    throw new AppError('file-exists', `${zipPath} already exists; choose another name or remove it first.`, { file: zipPath });
  }
  const top = basename(resolve(dir));
  const entries = (await listTree(dir)).map((entry) => ({
    ...entry,
    name: `${top}/${entry.path}${entry.isDirectory ? '/' : ''}`,
    stored: !entry.isDirectory && storedAsIs(entry.path, entry.size),
  }));
  checkZipFits(zipPath, [{ name: `${top}/`, storedBytes: 0 }, ...entries.map((entry) => ({ name: entry.name, storedBytes: entry.stored ? entry.size : 0 }))]);
  const temp = tempPathFor(zipPath);
  const handle = await open(temp, 'wx');
  let done = false;
  try {
    const zip = new ZipWriter(handle, zipPath, options.mtime ?? new Date());
    await zip.addFolder(`${top}/`);
    for (const entry of entries) {
      if (entry.isDirectory) await zip.addFolder(entry.name);
      else await addFile(zip, entry.name, join(dir, entry.path), !entry.stored);
    }
    await zip.finish();
    await handle.sync();
    await handle.close();
    await rename(temp, zipPath);
    done = true;
  } finally {
    if (!done) {
      await handle.close().catch(() => undefined);
      await rm(temp, { force: true });
    }
  }
}
