// Writes a zip an entry at a time, each streamed from disk. Sizes and CRC-32 go into each local header, patched in
// once the entry's data is written, so there are no data descriptors: a streaming reader (fflate's, so ours) learns
// where an entry ends from its header. With descriptors it hunts for the next "PK" signature instead, and cuts
// a stored .docx or .zip short at the first signature inside it.
// No Zip64 (fflate's streaming Zip does not write it either): a zip that would need it is refused, never written broken.
import type { FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw } from 'node:zlib';
import { AppError } from '../../shared/domain/errors';
import { copyChunks, COPY_CHUNK_BYTES, writeWhole } from './bagit/copy-file';

/** The largest zip without Zip64: every size and offset field is 32 bits, and all ones means "see Zip64". */
export const ZIP_MAX_BYTES = 0xffffffff;
/** Entry counts are 16 bits, and 0xffff means "see Zip64". */
export const ZIP_MAX_ENTRIES = 0xfffe;

const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;
const UTF8_NAMES = 0x800;
const STORED = 0;
const DEFLATED = 8;

interface Entry {
  name: Buffer;
  /** Bit 11 tells readers the name is UTF-8; without it they guess a DOS code page. */
  utf8: boolean;
  method: number;
  offset: number;
  crc: number;
  compressedSize: number;
  size: number;
  folder: boolean;
}

const tooLarge = (zipPath: string) =>
  new AppError(
    'invalid-input',
    `${basename(zipPath)} would be larger than 4 GB, and zips that large need the Zip64 extension, which Transmittal does not ` +
      'write. Split the transfer into smaller ones.',
    { file: zipPath },
  );

const tooManyEntries = (zipPath: string) =>
  new AppError('invalid-input', `${basename(zipPath)} would hold more than ${ZIP_MAX_ENTRIES} files and folders, which needs Zip64. Split the transfer into smaller ones.`, { file: zipPath });

/**
 * Refuses up front a zip certain to pass the limits: headers plus stored files alone (deflated ones only shrink the
 * sum's lower bound, so they count as nothing here; the writer still stops if they push the zip past the limit).
 */
export function checkZipFits(zipPath: string, entries: { name: string; storedBytes: number }[]): void {
  if (entries.length > ZIP_MAX_ENTRIES) throw tooManyEntries(zipPath);
  let least = END_RECORD;
  for (const entry of entries) least += LOCAL_HEADER + CENTRAL_HEADER + 2 * Buffer.byteLength(entry.name) + entry.storedBytes;
  if (least > ZIP_MAX_BYTES) throw tooLarge(zipPath);
}

/** MS-DOS time and date, in local time as zip tools read them; the format only covers 1980 to 2107. */
function dosTime(mtime: Date): { time: number; date: number } {
  const year = Math.min(Math.max(mtime.getFullYear(), 1980), 2107);
  return {
    time: (mtime.getHours() << 11) | (mtime.getMinutes() << 5) | (mtime.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((mtime.getMonth() + 1) << 5) | mtime.getDate(),
  };
}

export class ZipWriter {
  private readonly entries: Entry[] = [];
  private position = 0;
  private readonly stamp: { time: number; date: number };

  constructor(
    private readonly output: FileHandle,
    private readonly zipPath: string,
    mtime: Date,
    /** Tests lower it to reach the limit without writing 4 GB. */
    private readonly maxBytes = ZIP_MAX_BYTES,
  ) {
    this.stamp = dosTime(mtime);
  }

  /** A folder entry; `name` ends with "/". */
  async addFolder(name: string): Promise<void> {
    await this.finishEntry(await this.startEntry(name, STORED, true), 0, 0, this.position);
  }

  /**
   * A file entry read from `source`, deflated (level 6) or stored as is. Memory holds a chunk or two whatever the
   * size: stored files go through two reused buffers, deflated ones (64 MB at most) through zlib's stream.
   */
  async addFile(name: string, source: FileHandle, deflate: boolean): Promise<void> {
    const entry = await this.startEntry(name, deflate ? DEFLATED : STORED, false);
    const dataStart = this.position;
    let crc = 0;
    let size = 0;
    // zlib's CRC-32 and deflate run natively; fflate's, in JavaScript, are several times slower on gigabytes.
    const see = (chunk: Uint8Array) => {
      crc = crc32(chunk, crc);
      size += chunk.length;
    };
    if (deflate) {
      const counted = async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          see(chunk);
          yield chunk;
        }
      };
      const written = async (chunks: AsyncIterable<Buffer>) => {
        for await (const chunk of chunks) await this.write(chunk);
      };
      // A small file gets a small read buffer: the stream allocates a fresh one per read.
      const highWaterMark = Math.min(COPY_CHUNK_BYTES, Math.max((await source.stat()).size, 64 * 1024));
      const chunks = source.createReadStream({ start: 0, highWaterMark, autoClose: false });
      await pipeline(chunks, counted, createDeflateRaw({ level: 6 }), written);
    } else {
      const read = async (buffer: Buffer, position: number) => (await source.read(buffer, 0, buffer.length, position)).bytesRead;
      await copyChunks(read, (chunk) => this.write(chunk), see);
    }
    await this.finishEntry(entry, crc, size, dataStart);
  }

  /** The table of contents (central directory) and its end record. */
  async finish(): Promise<void> {
    const offset = this.position;
    for (const entry of this.entries) {
      const header = Buffer.alloc(CENTRAL_HEADER);
      header.writeUInt32LE(0x02014b50, 0);
      // Made by Unix, zip 2.0: Info-ZIP reads names from an MS-DOS maker in a DOS code page, even when marked UTF-8.
      header.writeUInt16LE((3 << 8) | 20, 4);
      this.describe(header, 6, entry);
      // Unix permissions (rwxr-xr-x folders, rw-r--r-- files) in the high half, the MS-DOS folder bit in the low.
      header.writeUInt32LE(entry.folder ? ((0o40755 << 16) | 0x10) >>> 0 : (0o100644 << 16) >>> 0, 38);
      header.writeUInt32LE(entry.offset, 42);
      await this.write(Buffer.concat([header, entry.name]));
    }
    const end = Buffer.alloc(END_RECORD);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.position - offset, 12);
    end.writeUInt32LE(offset, 16);
    await this.write(end);
  }

  private async startEntry(name: string, method: number, folder: boolean): Promise<Entry> {
    if (this.entries.length >= ZIP_MAX_ENTRIES) throw tooManyEntries(this.zipPath);
    const entry: Entry = { name: Buffer.from(name, 'utf8'), utf8: /[^\x00-\x7f]/.test(name), method, offset: this.position, crc: 0, compressedSize: 0, size: 0, folder };
    if (entry.name.length > 0xffff) throw new AppError('invalid-input', `The name ${name} is too long for a zip.`, { file: this.zipPath, entry: name });
    const header = Buffer.alloc(LOCAL_HEADER);
    header.writeUInt32LE(0x04034b50, 0);
    this.describe(header, 4, entry);
    await this.write(Buffer.concat([header, entry.name]));
    this.entries.push(entry);
    return entry;
  }

  /** Fills in the entry's checksum and sizes, in memory and in the local header written before its data. */
  private async finishEntry(entry: Entry, crc: number, size: number, dataStart: number): Promise<void> {
    Object.assign(entry, { crc, size, compressedSize: this.position - dataStart });
    const sizes = Buffer.alloc(12);
    sizes.writeUInt32LE(crc, 0);
    sizes.writeUInt32LE(entry.compressedSize, 4);
    sizes.writeUInt32LE(size, 8);
    await writeWhole(this.output, sizes, entry.offset + 14);
  }

  /** The fields local and central headers share, from "version needed" to the name's length. */
  private describe(header: Buffer, at: number, entry: Entry): void {
    header.writeUInt16LE(20, at);
    header.writeUInt16LE(entry.utf8 ? UTF8_NAMES : 0, at + 2);
    header.writeUInt16LE(entry.method, at + 4);
    header.writeUInt16LE(this.stamp.time, at + 6);
    header.writeUInt16LE(this.stamp.date, at + 8);
    header.writeUInt32LE(entry.crc, at + 10);
    header.writeUInt32LE(entry.compressedSize, at + 14);
    header.writeUInt32LE(entry.size, at + 18);
    header.writeUInt16LE(entry.name.length, at + 22);
  }

  /** Appends bytes, refusing before the zip would pass what a zip without Zip64 can address. */
  private async write(bytes: Uint8Array): Promise<void> {
    if (this.position + bytes.length > this.maxBytes) throw tooLarge(this.zipPath);
    // Taken before the write starts: copyChunks asks for the next write while reading, not after this one ends.
    const at = this.position;
    this.position += bytes.length;
    await writeWhole(this.output, bytes, at);
  }
}
