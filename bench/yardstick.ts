// The engines' own speed on this machine, measured in the same run as the app's figures: these machines are noisy,
// so each figure is printed beside the raw engine doing comparable work, and the ratio between them says whether
// the app got slower or the machine did.
import { performance } from 'node:perf_hooks';
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
