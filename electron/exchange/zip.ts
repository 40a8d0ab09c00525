// Transfer packages as one .zip: a bag folder zipped with its top folder (as BagIt zips usually are; written by
// zip-directory.ts), and zips from anywhere unpacked safely: no entry may land outside the folder (zip slip), and a
// zip bomb is stopped while it inflates, not after it has filled the disk.
import { closeSync, createReadStream, mkdirSync, openSync, writeSync } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { Unzip, UnzipInflate, UnzipPassThrough, type UnzipFile } from 'fflate';
import { AppError } from '../../shared/domain/errors';
import { describeFileError, hasErrorCode } from '../storage/file-system';
import { kindOf } from '../storage/regular-file';
import { isPlainRelativePath, unsafePathReason } from './bagit/bag-paths';

export { zipDirectory, type ZipOptions } from './zip-directory';

export interface UnzipLimits {
  /** Bytes all entries may unpack to together. */
  maxTotalBytes: number;
  /** Entries (files and folders). */
  maxFiles: number;
  /** How many times larger than its compressed size one entry may grow, once past `ratioFloorBytes`. */
  maxRatio: number;
  /** Small files compress wildly (a page of blanks); the ratio is only judged above this size. */
  ratioFloorBytes: number;
}

export const DEFAULT_UNZIP_LIMITS: UnzipLimits = {
  maxTotalBytes: 8 * 1024 ** 3,
  maxFiles: 100_000,
  maxRatio: 200,
  ratioFloorBytes: 1024 ** 2,
};

export interface Unzipped {
  /** The temporary folder the zip was unpacked into. */
  dir: string;
  cleanup(): Promise<void>;
}

const refuse = (zipPath: string, message: string, entry?: string) =>
  new AppError('invalid-input', `${basename(zipPath)}: ${message}`, entry === undefined ? { file: zipPath } : { file: zipPath, entry });

const DISK_ERRORS = ['ENOSPC', 'EDQUOT', 'EIO', 'EROFS', 'EACCES', 'EPERM', 'EMFILE', 'ENFILE'];

/** The temporary folder failed us (full, read-only): the zip itself was not judged, and must not be called damaged. */
function unpackFailure(zipPath: string, where: string, error: unknown): AppError {
  return new AppError(
    'io-failed',
    `Could not unpack ${basename(zipPath)} to check it: ${describeFileError(error)} (in ${where}). The package was not judged; ` +
      'free some space there (or set TMPDIR to a folder with room) and try again.',
    { file: zipPath, cause: (error as NodeJS.ErrnoException).code },
  );
}

/** Why an entry name may not be unpacked, or null. Backslashes are refused: Windows reads them as folder breaks. */
export function zipEntryProblem(name: string): string | null {
  const path = name.endsWith('/') ? name.slice(0, -1) : name;
  const unsafe = unsafePathReason(path);
  if (unsafe) return unsafe;
  if (path.includes('\\')) return 'uses backslashes, which Windows reads as folder separators';
  if (!isPlainRelativePath(path)) return 'has empty or "." parts';
  return null;
}

/** Unpacks a zip into a new temporary folder (in `parentDir`) within `limits`; a refusal leaves nothing behind. */
export async function unzipToTemp(zipPath: string, limits: UnzipLimits = DEFAULT_UNZIP_LIMITS, parentDir = tmpdir()): Promise<Unzipped> {
  let dir: string;
  try {
    dir = await mkdtemp(join(parentDir, 'transmittal-unzip-'));
  } catch (error) {
    throw unpackFailure(zipPath, parentDir, error);
  }
  try {
    await extract(zipPath, dir, limits);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    if (error instanceof AppError) throw error;
    if (hasErrorCode(error, 'ENOENT')) throw new AppError('file-not-found', `${zipPath} does not exist.`, { file: zipPath });
    if ((error as NodeJS.ErrnoException)?.syscall) throw error;
    throw refuse(zipPath, 'is not a zip file, or it is damaged.');
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * The names in the zip's table of contents (central directory), which is what Explorer, Finder and unzip show.
 * Null for a Zip64 archive, whose table this reader does not decode. Throws when the table is missing: the zip
 * was cut short, even if every entry before the cut is whole.
 */
async function centralDirectoryNames(zipPath: string, zipSize: number): Promise<string[] | null> {
  const handle = await open(zipPath, 'r');
  try {
    const tailLength = Math.min(zipSize, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, zipSize - tailLength);
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    if (zipSize < 22 || (head.readUInt32LE(0) !== 0x04034b50 && head.readUInt32LE(0) !== 0x06054b50)) {
      throw refuse(zipPath, 'is not a zip file.');
    }
    let end = -1;
    for (let at = tailLength - 22; at >= 0 && end < 0; at -= 1) if (tail.readUInt32LE(at) === 0x06054b50) end = at;
    if (end < 0) throw refuse(zipPath, 'is cut short or damaged: its table of contents is missing.');
    const count = tail.readUInt16LE(end + 10);
    const size = tail.readUInt32LE(end + 12);
    const offset = tail.readUInt32LE(end + 16);
    if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) return null;
    const table = Buffer.alloc(size);
    await handle.read(table, 0, size, offset);
    const names: string[] = [];
    for (let at = 0; names.length < count; ) {
      if (at + 46 > size || table.readUInt32LE(at) !== 0x02014b50) throw refuse(zipPath, 'is damaged: its table of contents cannot be read.');
      const nameLength = table.readUInt16LE(at + 28);
      const name = table.subarray(at + 46, at + 46 + nameLength);
      // Bit 11 marks UTF-8 names; older zips use a DOS code page, read byte for byte as fflate does.
      names.push(table.readUInt16LE(at + 8) & 0x800 ? name.toString('utf8') : name.toString('latin1'));
      at += 46 + nameLength + table.readUInt16LE(at + 30) + table.readUInt16LE(at + 32);
    }
    return names;
  } finally {
    await handle.close();
  }
}

async function extract(zipPath: string, dir: string, limits: UnzipLimits): Promise<void> {
  const zipStats = await stat(zipPath);
  // A FIFO or device would be read forever: only an ordinary file is a zip.
  if (!zipStats.isFile()) throw refuse(zipPath, `is ${kindOf(zipStats)}, not a zip file.`);
  const zipSize = zipStats.size;
  const listed = await centralDirectoryNames(zipPath, zipSize);
  const unpacked: string[] = [];
  const root = resolve(dir);
  const seen = new Set<string>();
  const openFiles = new Map<UnzipFile, number>();
  let entries = 0;
  let total = 0;
  let failure = null as unknown;

  const startEntry = (file: UnzipFile) => {
    const name = file.name;
    unpacked.push(name);
    const problem = zipEntryProblem(name);
    if (problem) throw refuse(zipPath, `holds "${name}", which ${problem}. Nothing was unpacked.`, name);
    if (++entries > limits.maxFiles) throw refuse(zipPath, `holds more than ${limits.maxFiles} entries.`);
    const relative = name.replace(/\/$/, '');
    if (seen.has(relative)) throw refuse(zipPath, `holds "${relative}" twice.`, name);
    seen.add(relative);
    const target = resolve(root, relative);
    if (!target.startsWith(root + sep)) throw refuse(zipPath, `holds "${name}", which would land outside the folder.`, name);
    if (name.endsWith('/')) return void mkdirSync(target, { recursive: true });
    const declared = file.originalSize;
    if (declared !== undefined && file.size !== undefined && declared > limits.ratioFloorBytes && declared > limits.maxRatio * Math.max(file.size, 1)) {
      throw refuse(zipPath, `"${name}" would unpack ${Math.round(declared / Math.max(file.size, 1))} times larger than it is stored: it looks like a zip bomb.`, name);
    }
    if (declared !== undefined && total + declared > limits.maxTotalBytes) {
      throw refuse(zipPath, `would unpack to more than ${limits.maxTotalBytes} bytes.`, name);
    }
    // A header can lie about sizes, so the bytes that actually come out are counted against the same limits.
    const cap = Math.min(declared ?? Infinity, Math.max(limits.ratioFloorBytes, limits.maxRatio * (file.size ?? zipSize)));
    mkdirSync(dirname(target), { recursive: true });
    const fd = openSync(target, 'wx');
    openFiles.set(file, fd);
    let written = 0;
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) failure = refuse(zipPath, `"${name}" is damaged and cannot be unpacked.`, name);
      else if ((written += chunk.length) > cap) failure = refuse(zipPath, `"${name}" unpacks to more than its stated or plausible size: it looks like a zip bomb.`, name);
      else if ((total += chunk.length) > limits.maxTotalBytes) failure = refuse(zipPath, `would unpack to more than ${limits.maxTotalBytes} bytes.`, name);
      if (failure) return file.terminate();
      try {
        writeSync(fd, chunk);
      } catch (writeError) {
        failure = hasErrorCode(writeError, ...DISK_ERRORS) ? unpackFailure(zipPath, dir, writeError) : writeError;
        return file.terminate();
      }
      if (final) {
        closeSync(fd);
        openFiles.delete(file);
      }
    };
    file.start();
  };

  // The same name as a file and a folder ("a" and "a/b"), or twice in another spelling the disk folds together.
  const clash = (error: unknown) =>
    hasErrorCode(error, 'EEXIST', 'ENOTDIR', 'EISDIR')
      ? refuse(zipPath, 'holds the same name twice, or as both a file and a folder.')
      : hasErrorCode(error, ...DISK_ERRORS) && (error as NodeJS.ErrnoException).path?.startsWith(dir)
        ? unpackFailure(zipPath, dir, error)
        : error;
  const unzip = new Unzip((file) => {
    if (failure) return;
    try {
      startEntry(file);
    } catch (error) {
      failure = clash(error);
    }
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    for await (const chunk of createReadStream(zipPath, { highWaterMark: 1 << 16 })) {
      unzip.push(chunk as Buffer);
      if (failure) break;
    }
    if (!failure) unzip.push(new Uint8Array(0), true);
  } catch (error) {
    failure ??= clash(error);
  }
  const unfinished = openFiles.size;
  for (const fd of openFiles.values()) closeSync(fd);
  if (failure) throw failure;
  if (unfinished > 0) throw refuse(zipPath, 'ends in the middle of a file: it was cut short while copying.');
  if (entries === 0) throw refuse(zipPath, 'is not a zip file, or it is empty.');
  // A zip whose table of contents names other files than its entries shows one thing in Explorer and another here.
  if (listed && listed.sort().join('\n') !== unpacked.sort().join('\n')) {
    throw refuse(zipPath, 'is damaged or forged: its table of contents does not match the files it holds.');
  }
}
