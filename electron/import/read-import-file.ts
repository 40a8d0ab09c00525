// The spreadsheet an import reads, by reference: a path (CLI, desktop dialog) or a browser upload. Checked on the
// open handle before a byte is read, so a FIFO, a folder or an oversized file is refused at once and by name.
import { AppError } from '../../shared/domain/errors';
import type { FileRef } from '../../shared/api/file-ref';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/import/import-model';
import type { FileExchange } from '../runtime/file-exchange';
import { describeFileError, hasErrorCode } from '../storage/file-system';
import { NotRegularFileError, readRegularFile } from '../storage/regular-file';

const megabytes = MAX_IMPORT_FILE_BYTES / (1024 * 1024);

export async function readImportFile(files: FileExchange, ref: FileRef): Promise<{ fileName: string; bytes: Uint8Array }> {
  const file = files.resolve(ref);
  const { fileName } = file;
  try {
    const bytes = await readRegularFile(file.path, { maxBytes: MAX_IMPORT_FILE_BYTES });
    if (bytes.length === 0) {
      throw new AppError('invalid-input', `“${fileName}” is empty (0 bytes): there is nothing in it to import. Save it again from your spreadsheet program and choose it again.`, {
        file: fileName,
      });
    }
    return { fileName, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof NotRegularFileError) throw new AppError('invalid-input', `${file.path} is ${error.kind}, not a spreadsheet file.`, { file: fileName });
    if (hasErrorCode(error, 'EFBIG')) {
      throw new AppError('invalid-input', `“${fileName}” is larger than ${megabytes} MB. Split the box list into smaller files, or save it without pictures and formatting, then try again.`, {
        file: fileName,
      });
    }
    if (hasErrorCode(error, 'ENOENT', 'ENOTDIR')) throw new AppError('file-not-found', `There is no file at ${file.path}.`, { file: file.path });
    throw new AppError('io-failed', `“${fileName}” could not be read: ${describeFileError(error)}.`, { file: fileName });
  } finally {
    await files.release(ref);
  }
}
