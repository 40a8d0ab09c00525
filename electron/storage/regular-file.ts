// Reading files that must be ordinary files. A FIFO, a device or a socket opened for reading can block forever
// (a FIFO with no writer) or never end (/dev/zero): every file Transmittal reads is opened without blocking and
// checked through the open handle, so a name swapped for a FIFO between a check and the read is caught too.
import { constants, type Stats } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';

/** What the storage and exchange code need from a file system: node:fs/promises, or a fake that fails on purpose. */
export type FileSystem = Pick<
  typeof nodeFs,
  'open' | 'rename' | 'link' | 'unlink' | 'stat' | 'lstat' | 'readdir' | 'realpath' | 'access' | 'utimes' | 'mkdir' | 'copyFile'
>;

export const nodeFileSystem: FileSystem = nodeFs;

// Windows has no O_NONBLOCK (and no FIFOs reachable by path): there the flag is simply absent.
const READ_WITHOUT_BLOCKING = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Raised for a path that names something other than an ordinary file (a FIFO, a device, a socket). */
export class NotRegularFileError extends Error {
  readonly code = 'ENOTREG';
  constructor(
    readonly path: string,
    readonly kind: string,
  ) {
    super(`${path} is ${kind}, not an ordinary file`);
    this.name = 'NotRegularFileError';
  }
}

export function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not an ordinary file';
}

/** Opens an ordinary file for reading; anything else is closed again at once and refused. */
export async function openRegularFile(path: string, fs: FileSystem = nodeFileSystem): Promise<{ handle: FileHandle; stats: Stats }> {
  const handle = await fs.open(path, READ_WITHOUT_BLOCKING);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new NotRegularFileError(path, kindOf(stats));
    return { handle, stats };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** The bytes of an ordinary file, refusing anything larger than `maxBytes` before reading it. */
export async function readRegularFile(path: string, options: { maxBytes?: number; fs?: FileSystem } = {}): Promise<Buffer> {
  const { handle, stats } = await openRegularFile(path, options.fs);
  try {
    if (options.maxBytes !== undefined && stats.size > options.maxBytes) {
      throw Object.assign(new Error(`${path} is larger than ${options.maxBytes} bytes`), { code: 'EFBIG', size: stats.size });
    }
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** A readable stream over an ordinary file (for hashing large payload files without loading them whole). */
export async function streamRegularFile(path: string, options: { highWaterMark?: number } = {}): Promise<AsyncIterable<Buffer>> {
  const { handle } = await openRegularFile(path);
  return handle.createReadStream({ highWaterMark: options.highWaterMark ?? 1 << 16, autoClose: true });
}
