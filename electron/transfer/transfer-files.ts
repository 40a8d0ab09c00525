// Electronic records on a transfer, kept by reference: where the file is, and the size and SHA-256 read when it was
// added (streamed, so a file of any size costs a chunk of memory). The package copies each into data/records/ and
// refuses a file that changed since. Adding and removing are undoable while the transfer is a draft.
import { createHash } from 'node:crypto';
import { copyFile, mkdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { TransferFile } from '../../shared/api/contract-transfers';
import { AppError } from '../../shared/domain/errors';
import { count } from '../../shared/domain/words';
import type { CatalogContext } from '../catalog/context';
import { isPlainRelativePath, unsafePathReason } from '../exchange/bagit/bag-paths';
import type { JobControl } from '../runtime/jobs';
import { describeFileError, hasErrorCode } from '../storage/file-system';
import { NotRegularFileError, streamRegularFile } from '../storage/regular-file';
import { requireEditable } from './transfer-store';

/** Where electronic records sit inside a package's data/ folder. */
export const RECORDS_FOLDER = 'records';

const MEDIA_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.xml': 'application/xml',
  '.json': 'application/json',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.eml': 'message/rfc822',
  '.msg': 'application/vnd.ms-outlook',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.gif': 'image/gif',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.mp4': 'video/mp4',
  '.zip': 'application/zip',
};

export function mediaTypeOf(name: string): string {
  return MEDIA_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

export interface FileToAdd {
  /** Where the file is now. */
  path: string;
  /** Its name as the person knows it (the chosen file's name, not an upload's temp handle). */
  fileName: string;
  /** An upload to keep: copied into the workspace first, since the temp copy goes away. */
  keepCopyIn?: string;
}

interface FileRow {
  id: number; transfer_id: number; source_path: string; relative_path: string; size: number; sha256: string; media_type: string; added_at: string;
}

function toTransferFile(row: FileRow): TransferFile {
  return { id: row.id, relativePath: row.relative_path, sourcePath: row.source_path, size: row.size, sha256: row.sha256, mediaType: row.media_type, addedAt: row.added_at };
}

export function transferFiles(context: CatalogContext, transferId: number): TransferFile[] {
  return context.db.all<FileRow>('SELECT * FROM transfer_file WHERE transfer_id = ? ORDER BY relative_path', [transferId]).map(toTransferFile);
}

/** "records/Site plan.pdf", or "records/Site plan (2).pdf" when the name is taken in this transfer. */
function freeRelativePath(taken: Set<string>, fileName: string): string {
  const why = unsafePathReason(fileName) ?? (isPlainRelativePath(fileName) && !fileName.includes('/') && !fileName.includes('\\') ? null : 'is not a plain file name');
  if (why) throw new AppError('invalid-input', `“${fileName}” cannot go in a package: its name ${why}. Rename the file and add it again.`, { file: fileName });
  const extension = extname(fileName);
  const stem = fileName.slice(0, fileName.length - extension.length);
  for (let copy = 1; ; copy += 1) {
    const candidate = `${RECORDS_FOLDER}/${copy === 1 ? fileName : `${stem} (${copy})${extension}`}`;
    if (!taken.has(candidate.toLowerCase())) {
      taken.add(candidate.toLowerCase());
      return candidate;
    }
  }
}

/** Size and SHA-256 of a file, read a chunk at a time; refuses what is not an ordinary file, by name. */
async function measure(file: FileToAdd, control: JobControl): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of await streamRegularFile(file.path, { highWaterMark: 1 << 20 })) {
      hash.update(chunk);
      size += chunk.length;
      await control.checkpoint();
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof NotRegularFileError) throw new AppError('invalid-input', `“${file.fileName}” is ${error.kind}, not a file that can be sent.`, { file: file.path });
    if (hasErrorCode(error, 'ENOENT', 'ENOTDIR')) throw new AppError('file-not-found', `There is no file at ${file.path}.`, { file: file.path });
    throw new AppError('io-failed', `“${file.fileName}” could not be read: ${describeFileError(error)}.`, { file: file.path });
  }
  return { size, sha256: hash.digest('hex') };
}

/** Reads every file first, then adds them all as one undoable change: a file that cannot be read adds nothing. */
export async function addTransferFiles(context: CatalogContext, transferId: number, files: readonly FileToAdd[], control: JobControl): Promise<TransferFile[]> {
  const transfer = requireEditable(context, transferId);
  const measured: (FileToAdd & { size: number; sha256: string })[] = [];
  for (const [index, file] of files.entries()) {
    control.progress(index / files.length, `Reading ${file.fileName} (${index + 1} of ${files.length})`);
    let path = file.path;
    if (file.keepCopyIn) {
      await mkdir(file.keepCopyIn, { recursive: true });
      path = join(file.keepCopyIn, `${Date.now().toString(36)}-${index}-${file.fileName}`);
      await copyFile(file.path, path);
    }
    measured.push({ ...file, path, ...(await measure({ ...file, path }, control)) });
  }
  requireEditable(context, transferId);
  const taken = new Set(context.db.column<string>('SELECT lower(relative_path) FROM transfer_file WHERE transfer_id = ?', [transferId]));
  const label = files.length === 1 ? `Add ${files[0].fileName} to transfer ${transfer.number}` : `Add ${count(files.length, 'file')} to transfer ${transfer.number}`;
  return context.history.change(label, (change) =>
    measured.map((file) => {
      const { lastInsertRowid: id } = context.db.run(
        'INSERT INTO transfer_file (transfer_id, source_path, relative_path, size, sha256, media_type, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [transferId, file.path, freeRelativePath(taken, file.fileName), file.size, file.sha256, mediaTypeOf(file.fileName), context.now()],
      );
      change.record('transfer_file', id, 'create', undefined, context.history.snapshot('transfer_file', id));
      return toTransferFile(context.db.get<FileRow>('SELECT * FROM transfer_file WHERE id = ?', [id])!);
    }),
  );
}

export function removeTransferFiles(context: CatalogContext, transferId: number, fileIds: readonly number[]): { removed: number } {
  const transfer = requireEditable(context, transferId);
  const rows = fileIds
    .map((id) => context.db.get<FileRow>('SELECT * FROM transfer_file WHERE id = ? AND transfer_id = ?', [id, transferId]))
    .filter((row): row is FileRow => row !== undefined);
  if (rows.length === 0) return { removed: 0 };
  const label = rows.length === 1 ? `Remove ${rows[0].relative_path.slice(RECORDS_FOLDER.length + 1)} from transfer ${transfer.number}` : `Remove ${count(rows.length, 'file')} from transfer ${transfer.number}`;
  return context.history.change(label, (change) => {
    for (const row of rows) {
      const before = context.history.snapshot('transfer_file', row.id);
      context.db.run('DELETE FROM transfer_file WHERE id = ?', [row.id]);
      change.record('transfer_file', row.id, 'delete', before, undefined);
    }
    return { removed: rows.length };
  });
}
