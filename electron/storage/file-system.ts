// Low-level file operations for catalog files: crash-safe replace (temp file, fsync, rename, fsync directory),
// no-clobber writes, and fingerprints that tell whether somebody else rewrote a file since we last touched it.
import { createHash, randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { nodeFileSystem, openRegularFile, type FileSystem } from './regular-file';

export function hasErrorCode(error: unknown, ...codes: string[]): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && codes.includes(code);
}

/** A file-system failure in words a person can act on ("the disk is full"). */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'the disk is full';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the disk is read-only';
  if (code === 'EIO') return 'the disk reported an error';
  if (code === 'ENOTREG') return (error as Error).message;
  return error instanceof Error ? error.message : String(error);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What a file looked like when we last read or wrote it. */
export interface FileFingerprint {
  size: number;
  mtimeMs: number;
  ino: number;
  sha256: string;
}

export function fingerprintOf(bytes: Uint8Array, stats: Stats): FileFingerprint {
  return { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino, sha256: sha256Hex(bytes) };
}

/**
 * Stat and bytes read through one handle, so they describe the same file even if another program renames a new
 * version over the path while we read. Anything but an ordinary file is refused before a byte is read.
 */
export async function readFileWithStats(path: string, fs: FileSystem = nodeFileSystem): Promise<{ bytes: Uint8Array; stats: Stats }> {
  const { handle, stats } = await openRegularFile(path, fs);
  try {
    const bytes = new Uint8Array(await handle.readFile());
    return { bytes, stats };
  } finally {
    await handle.close();
  }
}

export type DiskState = { kind: 'missing' } | { kind: 'same' } | { kind: 'changed'; sha256: string | null };

/**
 * Compares the file on disk with a fingerprint. Size, mtime and inode are cheap; the hash is only computed when
 * they disagree but the size matches (a touch, a copy back, or a rename of identical bytes is not a change).
 */
export async function compareWithDisk(path: string, fingerprint: FileFingerprint, fs: FileSystem = nodeFileSystem): Promise<DiskState> {
  let current: Stats;
  try {
    current = await fs.stat(path);
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT', 'ENOTDIR')) return { kind: 'missing' };
    throw error;
  }
  if (!current.isFile() || current.size !== fingerprint.size) return { kind: 'changed', sha256: null };
  if (current.mtimeMs === fingerprint.mtimeMs && current.ino === fingerprint.ino) return { kind: 'same' };
  let bytes: Uint8Array;
  try {
    ({ bytes } = await readFileWithStats(path, fs));
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT')) return { kind: 'missing' };
    throw error;
  }
  const sha256 = sha256Hex(bytes);
  return sha256 === fingerprint.sha256 ? { kind: 'same' } : { kind: 'changed', sha256 };
}

const TEMP_SUFFIX = '.tmp';

/** A hidden sibling of the target: same directory, so the final rename never crosses file systems. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
}

/** Makes a rename durable. Windows and some network file systems cannot open or fsync a directory: nothing to do. */
export async function syncDirectory(directory: string, fs: FileSystem = nodeFileSystem): Promise<void> {
  let handle;
  try {
    handle = await fs.open(directory, 'r');
    await handle.sync();
  } catch (error) {
    if (!hasErrorCode(error, 'EISDIR', 'EPERM', 'EINVAL', 'EACCES', 'EBADF', 'ENOTSUP')) throw error;
  } finally {
    await handle?.close();
  }
}

// Antivirus scanners and indexers briefly hold files open on Windows, which makes a rename fail with EPERM/EBUSY.
async function renameWithRetry(fs: FileSystem, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      if (process.platform !== 'win32' || attempt >= 5 || !hasErrorCode(error, 'EPERM', 'EBUSY', 'EACCES')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
    }
  }
}

export class TargetExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists`);
  }
}

async function exists(fs: FileSystem, path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT')) return false;
    throw error;
  }
}

/**
 * Puts the fully written, fsynced temp file in place. Without `overwrite`, link() is the atomic "create only if
 * absent"; file systems without hard links (FAT, some shares) fall back to check-then-rename.
 */
async function commit(fs: FileSystem, temp: string, target: string, overwrite: boolean): Promise<void> {
  if (overwrite) return renameWithRetry(fs, temp, target);
  try {
    await fs.link(temp, target);
  } catch (error) {
    if (hasErrorCode(error, 'EEXIST')) throw new TargetExistsError(target);
    if (await exists(fs, target)) throw new TargetExistsError(target);
    return renameWithRetry(fs, temp, target);
  }
  await fs.unlink(temp).catch(() => undefined);
}

export interface AtomicWriteOptions {
  /** Replace an existing file (save) or refuse to (create, save as). */
  overwrite: boolean;
  /** Permission bits for the new file; a replaced file keeps its own. */
  mode?: number;
  /**
   * Called with the SHA-256 of what was written once it is all on disk, just before it replaces the target. The
   * hash is computed a chunk at a time between writes, so hashing a large catalog never holds up the event loop.
   */
  beforeCommit?: (sha256: string) => void;
  /**
   * Called just before the rename, after the last check the caller needs (the lock is still ours, the file on disk
   * is still the one we read). Throwing here abandons the write and leaves the target untouched.
   */
  checkBeforeCommit?: () => Promise<void>;
  fs?: FileSystem;
}

/** Bytes handed to the disk, and hashed, per step of an atomic write. */
export const WRITE_CHUNK_BYTES = 8 * 1024 * 1024;

/**
 * Writes bytes so that the target holds either its old content or the new content, never a mix, even if the
 * process is killed or the machine loses power. On failure the temp file is removed and the target is untouched.
 * Returns the fingerprint of what was written, taken from the temp file's own handle before the rename: a stat()
 * of the path afterwards could describe another program's file renamed there in between.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array, options: AtomicWriteOptions): Promise<FileFingerprint> {
  const fs = options.fs ?? nodeFileSystem;
  let mode = options.mode ?? 0o666;
  if (options.overwrite) {
    try {
      mode = (await fs.stat(target)).mode & 0o7777;
    } catch (error) {
      if (!hasErrorCode(error, 'ENOENT')) throw error;
    }
  }
  const temp = tempPathFor(target);
  let committed = false;
  let fingerprint: FileFingerprint;
  try {
    const handle = await fs.open(temp, 'wx', mode);
    const hash = createHash('sha256');
    try {
      for (let at = 0; at < bytes.length; at += WRITE_CHUNK_BYTES) {
        const chunk = bytes.subarray(at, at + WRITE_CHUNK_BYTES);
        const written = writeWhole(handle, chunk, at);
        // Hashing this chunk overlaps with the disk writing it.
        hash.update(chunk);
        await written;
      }
      await handle.sync();
      const stats = await handle.stat();
      if (stats.size !== bytes.length) throw Object.assign(new Error('The disk kept fewer bytes than were written'), { code: 'EIO' });
      fingerprint = { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino, sha256: hash.digest('hex') };
    } finally {
      await handle.close();
    }
    options.beforeCommit?.(fingerprint.sha256);
    await options.checkBeforeCommit?.();
    await commit(fs, temp, target, options.overwrite);
    committed = true;
  } finally {
    if (!committed) await fs.unlink(temp).catch(() => undefined);
  }
  await syncDirectory(dirname(target), fs);
  return fingerprint;
}

/** Writes all of `chunk` at `position`, however many writes the system needs for it. */
async function writeWhole(handle: FileHandle, chunk: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < chunk.length; ) {
    const { bytesWritten } = await handle.write(chunk, done, chunk.length - done, position + done);
    if (bytesWritten <= 0) throw new Error('The disk accepted no more bytes');
    done += bytesWritten;
  }
}

/**
 * Removes temp files a killed process left in `directory` (`.<name>.<pid>.<random>.tmp`, for names starting with
 * `namePrefix`). Only old ones: a younger one may belong to another window saving right now.
 */
export async function removeStaleTempFiles(
  directory: string,
  namePrefix: string,
  maxAgeMs: number,
  now = Date.now(),
  fs: FileSystem = nodeFileSystem,
): Promise<number> {
  const prefix = `.${namePrefix}`;
  let removed = 0;
  let names: string[];
  try {
    names = await fs.readdir(directory);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX)) continue;
    const path = join(directory, name);
    try {
      const stats = await fs.lstat(path);
      if (stats.isFile() && now - stats.mtimeMs >= maxAgeMs) {
        await fs.unlink(path);
        removed += 1;
      }
    } catch {
      // Another process cleaned it up or renamed it first: nothing to do.
    }
  }
  return removed;
}
