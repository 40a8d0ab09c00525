// XLSX and ODS files are zip archives. Before SheetJS unzips one, its central directory is read here and every part
// is inflated once into nothing, counting bytes: a zip bomb (a few KB that expand to gigabytes) or a directory that
// lies about its sizes is refused with a clear message instead of exhausting memory. Truncated archives are caught
// here too, where the message can say so plainly.
import { crc32 as zlibCrc32, inflateRawSync } from 'node:zlib';
import { AppError } from '../../shared/domain/errors';
import { formatBytes, formatCount, type ImportLimits } from './limits';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  encrypted: boolean;
  crc32: number;
}

export type ZipContent = 'xlsx' | 'ods' | 'word' | 'powerpoint' | 'opendocument-other' | 'zip';

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const RATIO_CHECKED_ABOVE = 1024 * 1024;

const damaged = (fileName: string, detail: string) =>
  new AppError('invalid-input', `${fileName} is truncated or damaged (${detail}). Open it in your spreadsheet program, save a fresh copy, and try again.`, {
    file: fileName,
  });

/** Reads the archive's directory and inflates every part to count its real size; throws AppError when over a limit. */
export function checkZip(bytes: Uint8Array, fileName: string, limits: ImportLimits): ZipEntry[] {
  const entries = readCentralDirectory(bytes, fileName, limits);
  const tooBig = (size: string) =>
    new AppError(
      'invalid-input',
      `${fileName} expands to ${size} when unzipped; the limit is ${formatBytes(limits.maxUncompressedBytes)}. Split the workbook into smaller files, or save it as CSV.`,
      { file: fileName },
    );
  const claimed = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (claimed > limits.maxUncompressedBytes) throw tooBig(formatBytes(claimed));
  for (const entry of entries) {
    if (entry.uncompressedSize > RATIO_CHECKED_ABOVE && entry.uncompressedSize > entry.compressedSize * limits.maxCompressionRatio) {
      throw new AppError(
        'invalid-input',
        `${fileName} is not a workbook Transmittal will open: its part "${entry.name}" is compressed ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))} to 1, which only a crafted file (a zip bomb) does.`,
        { file: fileName },
      );
    }
  }
  let total = 0;
  for (const entry of entries) {
    const actual = inflatedSize(bytes, entry, fileName, limits.maxUncompressedBytes - total);
    if (actual === null) throw tooBig(`more than ${formatBytes(limits.maxUncompressedBytes)} (though its directory claims ${formatBytes(claimed)})`);
    if (actual.size !== entry.uncompressedSize) throw damaged(fileName, `the part "${entry.name}" is not the size its directory says`);
    // Stored parts (SheetJS and some exporters do not compress) are only caught when damaged by their checksum.
    if (actual.crc32 !== entry.crc32) throw damaged(fileName, `the part "${entry.name}" does not match its checksum`);
    total += actual.size;
  }
  return entries;
}

/** What the archive holds, told by its part names (a Word document is a zip too). */
export function zipContent(entries: ZipEntry[], mimetype: string | null): ZipContent {
  const names = new Set(entries.map((entry) => entry.name));
  if (names.has('xl/workbook.xml') || names.has('xl/workbook.bin')) return 'xlsx';
  if (names.has('word/document.xml')) return 'word';
  if (names.has('ppt/presentation.xml')) return 'powerpoint';
  if (mimetype === 'application/vnd.oasis.opendocument.spreadsheet') return 'ods';
  if (mimetype?.startsWith('application/vnd.oasis.opendocument')) return 'opendocument-other';
  if (mimetype === null && names.has('content.xml')) return 'ods';
  return 'zip';
}

/** The "mimetype" part of an OpenDocument file (stored uncompressed, first in the archive, by the standard). */
export function readStoredText(bytes: Uint8Array, entries: ZipEntry[], name: string): string | null {
  const entry = entries.find((each) => each.name === name);
  if (!entry || entry.method !== 0 || entry.uncompressedSize > 4096) return null;
  const start = dataStart(bytes, entry, 'the archive');
  return new TextDecoder().decode(bytes.subarray(start, start + entry.compressedSize)).trim();
}

function readCentralDirectory(bytes: Uint8Array, fileName: string, limits: ImportLimits): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at -= 1) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw damaged(fileName, 'the end of the archive is missing');
  let count = view.getUint16(eocd + 10, true);
  let size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  if ((count === 0xffff || size === 0xffffffff || offset === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
    const record = Number(view.getBigUint64(eocd - 12, true));
    if (record + 56 > bytes.length || view.getUint32(record, true) !== ZIP64_EOCD) throw damaged(fileName, 'its zip64 directory is missing');
    count = Number(view.getBigUint64(record + 32, true));
    size = Number(view.getBigUint64(record + 40, true));
    offset = Number(view.getBigUint64(record + 48, true));
  }
  if (count > limits.maxZipEntries) {
    throw new AppError('invalid-input', `${fileName} holds ${formatCount(count)} parts; a workbook Transmittal reads has at most ${formatCount(limits.maxZipEntries)}.`, {
      file: fileName,
    });
  }
  if (offset + size > bytes.length) throw damaged(fileName, 'its directory points past the end of the file');

  const entries: ZipEntry[] = [];
  let at = offset;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw damaged(fileName, 'its directory is cut short');
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: ZipEntry = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
      encrypted: (flags & 1) === 1,
      crc32: view.getUint32(at + 16, true),
    };
    readZip64Sizes(view, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes over 4 GB (or written by tools that always use zip64) sit in the extra field with id 1, in this order. */
function readZip64Sizes(view: DataView, start: number, length: number, entry: ZipEntry): void {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 1) {
      let field = at + 4;
      const next = () => {
        const value = field + 8 <= at + 4 + size ? Number(view.getBigUint64(field, true)) : undefined;
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next() ?? entry.uncompressedSize;
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next() ?? entry.compressedSize;
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next() ?? entry.localHeaderOffset;
      return;
    }
    at += 4 + size;
  }
}

function dataStart(bytes: Uint8Array, entry: ZipEntry, fileName: string): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw damaged(fileName, `the part "${entry.name}" is missing`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw damaged(fileName, `the part "${entry.name}" is cut short`);
  return start;
}

/** The part's real size and checksum once inflated, or null as soon as it passes `budget` (nothing past that is kept). */
function inflatedSize(bytes: Uint8Array, entry: ZipEntry, fileName: string, budget: number): { size: number; crc32: number } | null {
  if (entry.encrypted) {
    throw new AppError('invalid-input', `${fileName} is protected with a password. Save a copy without a password and import that.`, { file: fileName });
  }
  const start = dataStart(bytes, entry, fileName);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data.length <= budget ? { size: data.length, crc32: zlibCrc32(data) } : null;
  if (entry.method !== 8) throw damaged(fileName, `the part "${entry.name}" uses a compression Transmittal cannot read`);
  // Node's own zlib (native) inflates several times faster than a JavaScript inflater, and stops at the budget.
  let inflated: Buffer;
  try {
    inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, budget + 1) });
  } catch (error) {
    if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return null;
    throw damaged(fileName, `the part "${entry.name}" cannot be unzipped`);
  }
  if (inflated.length > budget) return null;
  return { size: inflated.length, crc32: zlibCrc32(inflated) };
}

/** The inflated bytes of one part (already checked against its size and checksum by checkZip), or null if absent. */
export function readPart(bytes: Uint8Array, entries: ZipEntry[], name: string, fileName: string): Buffer | null {
  const entry = entries.find((each) => each.name === name);
  if (!entry) return null;
  const start = dataStart(bytes, entry, fileName);
  const data = bytes.subarray(start, start + entry.compressedSize);
  return entry.method === 0 ? Buffer.from(data) : inflateRawSync(data);
}
