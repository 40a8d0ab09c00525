// Copies a payload file from disk into a bag a chunk at a time, hashing it on the way: a file of any size costs two
// chunks of memory and one read (the zip writer copies stored files the same way). The copy must be the file the
// user added, so its size and checksum are checked against what was recorded then.
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { AppError } from '../../../shared/domain/errors';
import { describeFileError, hasErrorCode } from '../../storage/file-system';
import { NotRegularFileError, openRegularFile } from '../../storage/regular-file';

/** A file on disk for the payload; `size` and `sha256` are what was recorded when it was added to the transfer. */
export interface BagSource {
  /** Relative path with forward slashes, under data/. */
  path: string;
  /** Absolute path of the file on disk. */
  source: string;
  size: number;
  sha256: string;
}

/** Bytes read and written per step: large enough for disk speed, small enough that memory never depends on file size. */
export const COPY_CHUNK_BYTES = 1024 * 1024;

const changed = (file: BagSource, how: string) =>
  new AppError('invalid-input', `${file.path} changed after it was added to the transfer (${how}): add it again.`, { file: file.path, source: file.source });

function unreadable(file: BagSource, error: unknown): AppError {
  const why = hasErrorCode(error, 'ENOENT', 'ENOTDIR')
    ? 'it is no longer there'
    : error instanceof NotRegularFileError
      ? `it is ${error.kind}, not an ordinary file`
      : describeFileError(error);
  return new AppError('invalid-input', `${file.path} cannot be read from ${file.source} (${why}): put it back or add it again.`, {
    file: file.path,
    source: file.source,
  });
}

/** Writes all of `chunk` at `position`, however many writes the system needs for it. */
export async function writeWhole(handle: FileHandle, chunk: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < chunk.length; ) {
    const { bytesWritten } = await handle.write(chunk, done, chunk.length - done, position + done);
    if (bytesWritten <= 0) throw Object.assign(new Error('The disk accepted no more bytes'), { code: 'EIO' });
    done += bytesWritten;
  }
}

/**
 * Copies a file a chunk at a time, reading the next chunk while the previous one is written, so memory holds two
 * chunks whatever the size. `read` fills a buffer from `position` and answers the bytes read (0 at the end); `see`
 * gets each chunk before it is written, to hash it. Answers the bytes copied.
 */
export async function copyChunks(
  read: (buffer: Buffer, position: number) => Promise<number>,
  write: (chunk: Uint8Array, position: number) => Promise<void>,
  see: (chunk: Uint8Array) => void,
): Promise<number> {
  const buffers = [Buffer.allocUnsafe(COPY_CHUNK_BYTES), Buffer.allocUnsafe(COPY_CHUNK_BYTES)];
  let writing: Promise<void> = Promise.resolve();
  let copied = 0;
  for (let turn = 0; ; turn += 1) {
    const bytesRead = await read(buffers[turn % 2], copied);
    await writing;
    if (bytesRead === 0) return copied;
    const chunk = buffers[turn % 2].subarray(0, bytesRead);
    see(chunk);
    writing = write(chunk, copied);
    // Marked as handled now: a failed write is rethrown by the `await writing` above, not reported as unhandled.
    writing.catch(() => undefined);
    copied += bytesRead;
  }
}

/** Copies `file.source` to `target`, which must not exist yet. Answers the SHA-256 (lowercase hex) of the bytes copied. */
export async function copyRecordedFile(file: BagSource, target: string): Promise<string> {
  let opened;
  try {
    // An ordinary file or nothing: a FIFO would block the copy forever, /dev/zero would never end.
    opened = await openRegularFile(file.source);
  } catch (error) {
    throw unreadable(file, error);
  }
  const { handle: source, stats } = opened;
  try {
    if (stats.size !== file.size) throw changed(file, `it is now ${stats.size} bytes, not the ${file.size} recorded`);
    const output = await open(target, 'wx');
    try {
      const hash = createHash('sha256');
      const read = async (buffer: Buffer, position: number) => {
        // One byte past the recorded size is enough to know the file grew; never read on without end.
        const wanted = Math.min(buffer.length, file.size + 1 - position);
        try {
          return wanted > 0 ? (await source.read(buffer, 0, wanted, position)).bytesRead : 0;
        } catch (error) {
          throw new AppError('io-failed', `${file.path} could not be read from ${file.source}: ${describeFileError(error)}.`, { file: file.path });
        }
      };
      const copied = await copyChunks(read, (chunk, position) => writeWhole(output, chunk, position), (chunk) => hash.update(chunk));
      const sha256 = hash.digest('hex');
      if (copied !== file.size) throw changed(file, `it ${copied > file.size ? 'grew' : 'shrank'} while it was being copied`);
      if (sha256 !== file.sha256.toLowerCase()) throw changed(file, 'its checksum is no longer the one recorded');
      return sha256;
    } finally {
      await output.close();
    }
  } finally {
    await source.close();
  }
}
