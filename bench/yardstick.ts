// The engines' own speed on this machine, measured in the same run as the app's figures: these machines are noisy,
// so each figure is printed beside the raw engine doing comparable work, and the ratio between them says whether
// the app got slower or the machine did.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, open } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import * as XLSX from 'xlsx';
import { loadSqlJs } from '../electron/storage/database';

/** Raw sql.js: `rows` inserts of folder-sized rows through one prepared statement in one transaction, then export. */
export async function rawSqlJs(rows: number): Promise<{ rawInsertMs: number; rawExportMs: number }> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  db.run('CREATE TABLE folder (id INTEGER PRIMARY KEY, box_id INTEGER, title TEXT, file_code TEXT, begin_date TEXT, end_date TEXT, notes TEXT)');
  db.run('CREATE INDEX folder_box ON folder (box_id)');
  const start = performance.now();
  db.run('BEGIN');
  const insert = db.prepare('INSERT INTO folder (box_id, title, file_code, begin_date, end_date, notes) VALUES (?, ?, ?, ?, ?, ?)');
  try {
    for (let row = 0; row < rows; row += 1) {
      insert.run([Math.floor(row / 10), `Building permit ${row} Oak Street correspondence`, `BP-${row}`, '2019-03', '2019-12', '']);
    }
  } finally {
    insert.free();
  }
  db.run('COMMIT');
  const rawInsertMs = performance.now() - start;
  const exportStart = performance.now();
  db.export();
  const rawExportMs = performance.now() - exportStart;
  db.close();
  return { rawInsertMs, rawExportMs };
}

/** Raw SheetJS: reading the same workbook bytes with no options beyond the dense layout the import uses. */
export function rawSheetJsRead(bytes: Uint8Array): number {
  const start = performance.now();
  XLSX.read(bytes, { type: 'array', dense: true });
  return performance.now() - start;
}

export const ratio = (figure: number, raw: number) => (raw > 0 ? figure / raw : Number.NaN);

/**
 * Raw pdf-lib: a document of `pages` Letter pages, each with `linesPerPage` lines of the standard font, saved. About
 * the page count of a package's receipt and labels, with none of Transmittal's layout, fonts or checks.
 */
export async function rawPdfLib(pages: number, linesPerPage = 45): Promise<number> {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const start = performance.now();
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let page = 0; page < pages; page += 1) {
    const sheet = doc.addPage([612, 792]);
    for (let line = 0; line < linesPerPage; line += 1) {
      sheet.drawText(`Box ${page}-${line}  Building permits, Oak Street, 2015 to 2016  GS 1010`, { x: 36, y: 756 - line * 16, size: 9, font });
    }
  }
  await doc.save();
  return performance.now() - start;
}

/** Raw hashing: SHA-256 of a file through a plain read stream, in seconds. What verifying a bag must do at least. */
export async function rawSha256File(path: string): Promise<number> {
  const start = performance.now();
  await pipeline(createReadStream(path), createHash('sha256'));
  return (performance.now() - start) / 1000;
}

/** Raw copying: the system's copyFile, then an fsync of the copy (the zip is synced, the bag is not), in seconds. */
export async function rawCopyFile(from: string, to: string): Promise<{ copySeconds: number; syncSeconds: number }> {
  const start = performance.now();
  await copyFile(from, to);
  const copied = performance.now();
  const handle = await open(to, 'r+');
  await handle.sync();
  await handle.close();
  return { copySeconds: (copied - start) / 1000, syncSeconds: (performance.now() - copied) / 1000 };
}
